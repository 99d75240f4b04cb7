using System.Text;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using SlaGrains.ClientGen;

namespace SlaGrains.Host.Tests;

/// <summary>
/// The OpenAPI document as an integrator meets it: served by the real host, read with Microsoft.OpenApi (the model
/// ASP.NET Core writes it with), complete enough to generate a typed client, and the committed client generated from it.
/// </summary>
[Collection(HostTests.Name)]
public class OpenApiDocumentTests(HostFixture fixture)
{
    private static readonly int[] CommonProblems = [401, 403, 429, 503];

    private async Task<string> Served() => await fixture.Host.Client(SlaHost.ReaderKey).GetStringAsync(new Uri(HostDocument.Path, UriKind.Relative));

    private async Task<OpenApiDocument> Read()
    {
        var json = await Served();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var result = await OpenApiDocument.LoadAsync(stream, "json", new OpenApiReaderSettings());
        Assert.Empty(result.Diagnostic?.Errors ?? []);
        Assert.Empty(result.Diagnostic?.Warnings ?? []);
        return result.Document!;
    }

    private static IEnumerable<(string Path, HttpMethod Method, OpenApiOperation Operation)> Operations(OpenApiDocument document) =>
        document.Paths.SelectMany(p => p.Value.Operations!.Select(o => (p.Key, o.Key, o.Value)));

    private static IOpenApiSchema Property(OpenApiDocument document, string schema, string property) =>
        document.Components!.Schemas![schema].Properties![property];

    [Fact]
    public async Task The_served_document_reads_with_no_errors_or_warnings_and_validates_clean()
    {
        var document = await Read();

        Assert.Equal("SlaGrains API", document.Info.Title);
        Assert.Empty(document.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []);
        Assert.All(document.Paths.Keys, path => Assert.StartsWith("/api/v1/", path, StringComparison.Ordinal)); // not /ops
        Assert.Empty(document.Servers ?? []);
    }

    [Fact]
    public async Task Every_operation_has_an_operation_id_a_summary_a_typed_2xx_schema_its_problems_and_the_key()
    {
        var document = await Read();
        var operations = Operations(document).ToList();

        Assert.Equal(48, operations.Count);
        Assert.Equal(operations.Count, operations.Select(o => o.Operation.OperationId).Distinct().Count());
        Assert.All(operations, o =>
        {
            var name = $"{o.Method} {o.Path}";
            Assert.False(string.IsNullOrEmpty(o.Operation.OperationId), $"{name}: no operationId");
            Assert.False(string.IsNullOrEmpty(o.Operation.Summary), $"{name}: no summary");
            var ok = Assert.Single(o.Operation.Responses!, r => r.Key.StartsWith('2'));
            if (ok.Key is "202" or "204") // a delete, a redelivery: no body
            {
                Assert.True(ok.Value.Content is not { Count: > 0 }, $"{name}: a {ok.Key} with a body");
            }
            else
            {
                var schema = ok.Value.Content?["application/json"].Schema;
                Assert.True(schema is not null && (schema is OpenApiSchemaReference || schema.Type is not null), $"{name}: no 2xx schema");
            }
            foreach (var status in CommonProblems.Concat(o.Path.Contains('{', StringComparison.Ordinal) ? [400] : []))
            {
                Assert.True(o.Operation.Responses!.TryGetValue(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var problem), $"{name}: no {status}");
                Assert.NotNull(problem.Content?["application/problem+json"].Schema);
            }
            if (o.Operation.RequestBody is not null)
            {
                Assert.Contains("413", o.Operation.Responses!.Keys);
                Assert.Contains("415", o.Operation.Responses!.Keys);
            }
            var security = Assert.IsType<OpenApiSecurityRequirement>(o.Operation.Security?.FirstOrDefault(), exactMatch: false);
            var (scheme, scopes) = Assert.Single(security);
            Assert.Equal("X-Api-Key", scheme.Name);
            Assert.Equal(ParameterLocation.Header, scheme.In);
            if (o.Operation.OperationId != "getMe") // any valid key
            {
                Assert.NotEmpty(scopes);
            }
        });

        var single = operations.Single(o => o.Path == "/api/v1/cases/{caseId}/events" && o.Method == HttpMethod.Post).Operation;
        Assert.Equal("applyCaseEvent", single.OperationId);
        Assert.Equal("CaseSnapshot", Assert.IsType<OpenApiSchemaReference>(single.Responses!["200"].Content!["application/json"].Schema).Reference.Id);
        Assert.Contains("404", single.Responses!.Keys);
        Assert.Contains("409", single.Responses!.Keys);
        Assert.Equal(["events:write"], single.Security![0].Values.Single());

        // The batch is a bare array of events, and so is its answer.
        var batch = operations.Single(o => o.Path == "/api/v1/events").Operation;
        var body = batch.RequestBody!.Content!["application/json"].Schema!;
        Assert.Equal(JsonSchemaType.Array, body.Type);
        Assert.Equal("EventRequest", Assert.IsType<OpenApiSchemaReference>(body.Items).Reference.Id);
        Assert.Equal(JsonSchemaType.Array, batch.Responses!["200"].Content!["application/json"].Schema!.Type);

        Assert.Equal("access_token", document.Components!.SecuritySchemes!["hubAccessToken"].Name);
        Assert.Equal(ParameterLocation.Query, document.Components.SecuritySchemes["hubAccessToken"].In);
    }

    [Fact]
    public async Task Instants_are_date_time_strings_dates_are_date_strings_and_enums_are_their_wire_names()
    {
        var document = await Read();

        foreach (var (schema, property) in new[] { ("CaseSnapshot", "asOf"), ("CaseSnapshot", "openedAt"), ("MilestoneSnapshot", "targetAt"), ("EventRequest", "occurredAt") })
        {
            var instant = Resolve(Property(document, schema, property));
            Assert.True(instant.Type?.HasFlag(JsonSchemaType.String), $"{schema}.{property} is {instant.Type}");
            Assert.Equal("date-time", instant.Format);
            Assert.Empty(instant.Properties ?? new Dictionary<string, IOpenApiSchema>());
        }
        foreach (var property in new[] { "startDate", "endDate" })
        {
            var date = Resolve(Property(document, "EntitlementDefinition", property));
            Assert.True(date.Type?.HasFlag(JsonSchemaType.String));
            Assert.Equal("date", date.Format);
        }
        // No NodaTime internals anywhere: LocalDate's calendar, era and year-of-era were described as members.
        Assert.DoesNotContain("CalendarSystem", document.Components!.Schemas!.Keys);
        Assert.DoesNotContain("Era", document.Components.Schemas.Keys);

        var types = document.Components.Schemas["CaseEventType"];
        Assert.Equal(JsonSchemaType.String, types.Type);
        Assert.Contains("agentReplied", types.Enum!.Select(v => v!.GetValue<string>()));
        Assert.Contains("OpenViolation", document.Components.Schemas["CaseMilestoneStatus"].Enum!.Select(v => v!.GetValue<string>()));
        Assert.Equal(JsonSchemaType.Integer, Resolve(Property(document, "MilestoneSnapshot", "targetSeconds")).Type);
    }

    [Fact]
    public async Task An_event_requires_its_id_and_type_and_a_stored_read_extends_its_definition()
    {
        var document = await Read();

        var request = document.Components!.Schemas!["EventRequest"];
        Assert.Contains("eventId", request.Required!);
        Assert.Contains("type", request.Required!);
        Assert.NotEmpty(request.Examples!);

        var read = document.Components.Schemas["CalendarRead"];
        Assert.Equal("CalendarDefinition", Assert.IsType<OpenApiSchemaReference>(read.AllOf![0]).Reference.Id);
        Assert.Contains("calendarId", read.AllOf[1].Properties!.Keys);
        Assert.Contains("updatedAt", read.AllOf[1].Required!);
    }

    [Fact]
    public async Task The_committed_document_and_client_are_what_the_served_document_generates()
    {
        var served = await Served();
        var root = RepositoryRoot();
        var hint = "run scripts/generate-client.sh and commit the result";

        var committedDocument = await File.ReadAllTextAsync(Path.Combine(root, ClientCode.DocumentFile));
        Assert.True(ClientCode.Normalize(served) == committedDocument, $"{ClientCode.DocumentFile} differs from the served document: {hint}.");
        var committedClient = await File.ReadAllTextAsync(Path.Combine(root, ClientCode.ClientFile));
        Assert.True(await ClientCode.GenerateAsync(served) == committedClient, $"{ClientCode.ClientFile} differs from a fresh generation: {hint}.");
    }

    private static IOpenApiSchema Resolve(IOpenApiSchema schema)
    {
        // A nullable reference is oneOf [null, $ref]; its non-null branch is the value's schema.
        var target = schema.OneOf?.FirstOrDefault(s => s.Type != JsonSchemaType.Null) ?? schema;
        return target is OpenApiSchemaReference reference ? reference.Target! : target;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SlaGrains.sln")))
        {
            dir = dir.Parent;
        }
        return dir!.FullName;
    }
}
