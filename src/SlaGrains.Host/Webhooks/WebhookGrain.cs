using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NodaTime;
using SlaGrains.Contracts;
using SlaGrains.Contracts.Catalog;
using SlaGrains.Contracts.Live;
using SlaGrains.Contracts.Serialization;
using SlaGrains.Contracts.Webhooks;
using SlaGrains.Domain.Validation;

namespace SlaGrains.Host.Webhooks;

/// <summary>
/// One webhook: a durable outbox sent in order with exponential backoff. A notice is stored before
/// <see cref="Enqueue"/> returns, so once a case has handed it over it survives restarts; a grain timer sends while
/// anything is pending, and a one-minute reminder wakes the webhook after a restart to carry on.
/// </summary>
[GrainType("webhook")]
public sealed partial class WebhookGrain(
    [PersistentState("webhook", Grains.StorageNames.Sla)] IPersistentState<WebhookState> state,
    IHttpClientFactory httpClients,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookGrain> logger) : Grain, IWebhookGrain, IRemindable
{
    public const string HttpClientName = "webhooks";
    private const string WakeReminder = "wake";
    private const int LogSize = 200;
    private const int DoneSize = 2000;

    private static readonly string[] Types = [SlaNotice.MilestoneWarning, SlaNotice.MilestoneViolated, SlaNotice.MilestoneCompleted, SlaNotice.CaseEscalated];

    private IGrainTimer? _pump;

    private WebhookState State => state.State;
    private Instant Now => Instant.FromDateTimeOffset(clock.GetUtcNow());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.Pending.Count > 0)
        {
            StartPump();
        }
        return Task.CompletedTask;
    }

    public async Task<WriteResult<WebhookRecord>> Put(WebhookDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = Validate(definition);
        if (!errors.IsValid)
        {
            return new WriteResult<WebhookRecord> { Errors = errors.ToDictionary() };
        }
        if (State.Definition == definition || (State.Definition is { } old && old.Url == definition.Url && old.Secret == definition.Secret &&
            old.Events!.SequenceEqual(definition.Events!)))
        {
            return new WriteResult<WebhookRecord> { Value = Record(), Unchanged = true };
        }
        State.Definition = definition with { Events = [.. definition.Events!.Distinct(StringComparer.Ordinal)] };
        State.UpdatedAt = Now;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ICatalogGrain>(ICatalogGrain.Webhooks).Add(this.GetPrimaryKeyString());
        return new WriteResult<WebhookRecord> { Value = Record() };
    }

    public Task<WebhookRecord?> Read() => Task.FromResult(State.Definition is null ? null : Record());

    public async Task Enqueue(SlaNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (State.Definition?.Events is not { } events || !events.Contains(notice.Type) ||
            State.Done.Contains(notice.DeliveryId) || State.Pending.Exists(p => p.DeliveryId == notice.DeliveryId))
        {
            return;
        }
        var body = JsonSerializer.Serialize(new
        {
            deliveryId = notice.DeliveryId,
            type = notice.Type,
            occurredAt = notice.OccurredAt,
            caseId = notice.CaseId,
            queue = notice.Queue,
            late = notice.Late,
            changes = notice.Changes,
            milestone = notice.Milestone,
        }, SlaJson.Options);
        State.Pending.Add(new PendingDelivery(notice.DeliveryId, notice.Type, notice.CaseId, body, 0, Now));
        await state.WriteStateAsync();
        await this.RegisterOrUpdateReminder(WakeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        StartPump();
    }

    public Task<IReadOnlyList<WebhookAttempt>> Deliveries(int limit) =>
        Task.FromResult<IReadOnlyList<WebhookAttempt>>([.. Enumerable.Reverse(State.Log).Take(Math.Max(0, limit))]);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        StartPump(); // activation already started it if anything is pending; this tick exists to cause the activation
        return Task.CompletedTask;
    }

    private void StartPump()
    {
        var tick = options.Value.RetryBaseDelay < TimeSpan.FromSeconds(1) ? options.Value.RetryBaseDelay : TimeSpan.FromSeconds(1);
        _pump ??= this.RegisterGrainTimer(Pump, TimeSpan.Zero, tick);
    }

    private async Task Pump(CancellationToken cancellationToken)
    {
        if (State.Definition is not { } definition)
        {
            return;
        }
        var changed = false;
        foreach (var pending in State.Pending.Where(p => p.NextAttemptAt <= Now).ToList())
        {
            await Send(definition, pending, cancellationToken);
            changed = true;
        }
        if (changed)
        {
            await state.WriteStateAsync(cancellationToken);
        }
        if (State.Pending.Count == 0)
        {
            _pump?.Dispose();
            _pump = null;
            if (await this.GetReminder(WakeReminder, cancellationToken) is { } reminder)
            {
                await this.UnregisterReminder(reminder, cancellationToken);
            }
        }
    }

    private async Task Send(WebhookDefinition definition, PendingDelivery pending, CancellationToken cancellationToken)
    {
        var attempt = pending.Attempts + 1;
        int? status = null;
        string? error = null;
        try
        {
            var bytes = Encoding.UTF8.GetBytes(pending.Body);
            using var request = new HttpRequestMessage(HttpMethod.Post, definition.Url) { Content = new ByteArrayContent(bytes) };
            request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
            request.Headers.Add(WebhookSignature.DeliveryHeader, pending.DeliveryId);
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(definition.Secret!, bytes));
            request.Headers.Add("X-SlaGrains-Event", pending.Type);
            request.Headers.Add("X-SlaGrains-Attempt", attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.Timeout);
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            status = (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            error = ex.Message;
        }

        State.Pending.Remove(pending);
        var delivered = status is >= 200 and < 300;
        var gaveUp = !delivered && attempt >= options.Value.MaxAttempts;
        Instant? next = null;
        if (delivered || gaveUp)
        {
            State.Done.Add(pending.DeliveryId);
            if (State.Done.Count > DoneSize)
            {
                State.Done.RemoveRange(0, State.Done.Count - DoneSize);
            }
        }
        else
        {
            next = Now + Duration.FromTimeSpan(options.Value.DelayAfter(attempt));
            State.Pending.Add(pending with { Attempts = attempt, NextAttemptAt = next.Value });
            LogRetry(pending.DeliveryId, attempt, status, error);
        }
        State.Log.Add(new WebhookAttempt
        {
            DeliveryId = pending.DeliveryId,
            Type = pending.Type,
            CaseId = pending.CaseId,
            Attempt = attempt,
            At = Now,
            StatusCode = status,
            Outcome = delivered ? "delivered" : gaveUp ? "gaveUp" : "retrying",
            Error = error ?? (delivered ? null : $"The receiver answered {status}."),
            NextAttemptAt = next,
        });
        if (State.Log.Count > LogSize)
        {
            State.Log.RemoveRange(0, State.Log.Count - LogSize);
        }
    }

    private WebhookRecord Record() =>
        new(this.GetPrimaryKeyString(), State.Definition!.Url!, State.Definition.Events!, State.UpdatedAt, State.Pending.Count);

    private static ValidationErrors Validate(WebhookDefinition definition)
    {
        var errors = new ValidationErrors();
        if (!Uri.TryCreate(definition.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add("url", "Give the absolute http(s) URL deliveries are POSTed to.");
        }
        if (definition.Events is not { Count: > 0 } events)
        {
            errors.Add("events", $"Subscribe to at least one of {string.Join(", ", Types)}.");
        }
        else if (events.FirstOrDefault(e => !Types.Contains(e)) is { } unknown)
        {
            errors.Add("events", $"'{unknown}' is not an event type; use {string.Join(", ", Types)}.");
        }
        if (definition.Secret is not { Length: >= 16 })
        {
            errors.Add("secret", "Give a secret of at least 16 characters; it signs every delivery.");
        }
        return errors;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} attempt {Attempt} failed (status {Status}, {Error}); retrying")]
    private partial void LogRetry(string deliveryId, int attempt, int? status, string? error);
}
