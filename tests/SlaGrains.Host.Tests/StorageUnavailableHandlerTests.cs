using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using SlaGrains.Contracts;
using SlaGrains.Host.Api;

namespace SlaGrains.Host.Tests;

/// <summary>
/// While storage is out every request is a 503; the log says so once with the cause, then counts them every 10 s,
/// instead of a warning with a stack trace per request.
/// </summary>
public sealed class StorageUnavailableHandlerTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly FakeLogger<StorageUnavailableHandler> _log = new();
    private readonly IServiceProvider _services = new ServiceCollection().AddLogging().BuildServiceProvider();

    [Fact]
    public async Task The_first_503_of_each_ten_seconds_is_logged_with_its_cause_and_the_rest_are_counted()
    {
        using var handler = new StorageUnavailableHandler(_log, _clock);

        for (var i = 0; i < 40; i++) // 8 s of an outage, a request every 200 ms
        {
            Assert.Equal(StatusCodes.Status503ServiceUnavailable, await Answer(handler, new StorageUnavailableException("PostgreSQL refused the connection")));
            _clock.Advance(TimeSpan.FromMilliseconds(200));
        }
        var first = Assert.Single(_log.Collector.GetSnapshot());
        Assert.IsType<StorageUnavailableException>(first.Exception);
        Assert.Equal("Storage or cluster unavailable while serving /api/v1/cases/c-0/events", first.Message);

        _clock.Advance(TimeSpan.FromSeconds(2)); // the first 10 s are over
        Assert.Equal("Storage or cluster unavailable: requests answered 503 in the last 10 s: 39", _log.LatestRecord.Message);

        // The next 503 opens the next 10 s with its own cause, here the cluster's.
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, await Answer(handler, new TimeoutException("no answer from the cluster")));
        Assert.IsType<TimeoutException>(_log.LatestRecord.Exception);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, await Answer(handler, new TimeoutException("no answer from the cluster")));
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("Storage or cluster unavailable: requests answered 503 in the last 10 s: 1", _log.LatestRecord.Message);

        _clock.Advance(TimeSpan.FromSeconds(30)); // the outage is over: nothing more to say
        Assert.Equal(4, _log.Collector.Count);
    }

    [Fact]
    public async Task A_failure_that_is_not_an_outage_is_left_to_the_error_page_and_not_counted()
    {
        using var handler = new StorageUnavailableHandler(_log, _clock);

        Assert.Null(await Answer(handler, new InvalidOperationException("a bug")));
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, await Answer(handler, new StorageUnavailableException()));
        _clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal("Storage or cluster unavailable while serving /api/v1/cases/c-0/events", Assert.Single(_log.Collector.GetSnapshot()).Message);
    }

    [Fact]
    public async Task A_write_conflict_is_answered_503_so_the_client_sends_it_again()
    {
        using var handler = new StorageUnavailableHandler(_log, _clock);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable,
            await Answer(handler, new Orleans.Storage.InconsistentStateException("the etag does not match", "1", "2")));
    }

    /// <summary>The status the handler answered with, or null when it left the exception alone.</summary>
    private async Task<int?> Answer(StorageUnavailableHandler handler, Exception exception)
    {
        var context = new DefaultHttpContext { RequestServices = _services };
        context.Request.Path = "/api/v1/cases/c-0/events";
        context.Response.Body = new MemoryStream();
        return await handler.TryHandleAsync(context, exception, CancellationToken.None) ? context.Response.StatusCode : null;
    }
}
