namespace SlaGrains.Domain.Cases;

public enum NotificationKind
{
    Warning,
    Violation,
    Success,
}
