using System.Net;

namespace SlaGrains.Host.Tests;

public sealed class RateLimitTests
{
    [Fact]
    public async Task A_key_over_its_rate_gets_429_problems_while_another_key_is_unaffected()
    {
        await using var host = new SlaHost(new Dictionary<string, string?>
        {
            ["Sla:RateLimit:PermitsPerSecond"] = "1",
            ["Sla:RateLimit:Burst"] = "3",
        });
        var noisy = host.Client(SlaHost.ReaderKey);
        var quiet = host.Client(SlaHost.AdminKey);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 8; i++)
        {
            var response = await noisy.GetAsync("/api/v1/calendars");
            statuses.Add(response.StatusCode);
            limited ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.NotNull(limited);
        await limited.Problem(HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.RetryAfter is not null);
        Assert.Equal(HttpStatusCode.OK, (await quiet.GetAsync("/api/v1/calendars")).StatusCode);
    }
}
