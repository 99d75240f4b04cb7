namespace SlaGrains.Host.Api;

/// <summary>
/// Lets the first of like failures be logged in full and counts the rest for a window after it, reported when the
/// window closes. The next failure after that is logged in full again and opens the next window, so a long run of
/// failures is two lines a window, and a change in their cause shows within one.
/// </summary>
/// <remarks>
/// Written here because Microsoft.Extensions.Telemetry's log samplers are random or trace-based: they could drop the
/// first warning of an outage, which is the one an operator needs, and would not say how many they dropped.
/// </remarks>
public sealed class LogThrottle : IDisposable
{
    private readonly Lock _gate = new();
    private readonly TimeSpan _window;
    private readonly Action<int> _reportLeftOut;
    private readonly ITimer _windowEnd;
    private bool _open;
    private int _leftOut;

    public LogThrottle(TimeProvider clock, TimeSpan window, Action<int> reportLeftOut)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _window = window;
        _reportLeftOut = reportLeftOut;
        _windowEnd = clock.CreateTimer(_ => CloseWindow(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>True for a failure that opens a window: log it in full. Any other is counted and reported later.</summary>
    public bool ShouldLog()
    {
        lock (_gate)
        {
            if (_open)
            {
                _leftOut++;
                return false;
            }
            _open = true;
            _windowEnd.Change(_window, Timeout.InfiniteTimeSpan);
            return true;
        }
    }

    private void CloseWindow()
    {
        int leftOut;
        lock (_gate)
        {
            (leftOut, _leftOut, _open) = (_leftOut, 0, false);
        }
        if (leftOut > 0)
        {
            _reportLeftOut(leftOut);
        }
    }

    public void Dispose() => _windowEnd.Dispose();
}
