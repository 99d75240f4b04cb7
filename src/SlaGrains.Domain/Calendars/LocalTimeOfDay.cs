namespace SlaGrains.Domain.Calendars;

/// <summary>
/// Parses the <c>HH:mm[:ss]</c> times of calendar intervals into seconds since local midnight. Written here rather than
/// with NodaTime's LocalTimePattern because <c>24:00</c> (the end of the day) is not a LocalTime.
/// </summary>
internal static class LocalTimeOfDay
{
    public const int SecondsPerDay = 86_400;

    public static bool TryParse(string? text, bool allowEndOfDay, out int seconds)
    {
        seconds = 0;
        if (text is null || (text.Length != 5 && text.Length != 8) || text[2] != ':' || (text.Length == 8 && text[5] != ':'))
        {
            return false;
        }
        if (!TwoDigits(text, 0, out var hours) || !TwoDigits(text, 3, out var minutes))
        {
            return false;
        }
        var secs = 0;
        if (text.Length == 8 && !TwoDigits(text, 6, out secs))
        {
            return false;
        }
        if (hours == 24 && minutes == 0 && secs == 0)
        {
            seconds = SecondsPerDay;
            return allowEndOfDay;
        }
        if (hours > 23 || minutes > 59 || secs > 59)
        {
            return false;
        }
        seconds = (hours * 3600) + (minutes * 60) + secs;
        return true;
    }

    private static bool TwoDigits(string text, int at, out int value)
    {
        value = 0;
        if (!char.IsAsciiDigit(text[at]) || !char.IsAsciiDigit(text[at + 1]))
        {
            return false;
        }
        value = ((text[at] - '0') * 10) + (text[at + 1] - '0');
        return true;
    }
}
