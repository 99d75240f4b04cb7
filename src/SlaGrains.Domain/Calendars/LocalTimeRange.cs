namespace SlaGrains.Domain.Calendars;

/// <summary>A half-open local interval <c>[start, end)</c> written as <c>HH:mm</c> (or <c>HH:mm:ss</c>); <c>24:00</c> is a valid end.</summary>
public sealed record LocalTimeRange(string Start, string End);
