namespace SlaGrains.Domain.Cases;

public enum MilestoneStatus
{
    InProgress,
    Paused,
    Completed,
    Violated,
    CompletedLate,
    Canceled,
}
