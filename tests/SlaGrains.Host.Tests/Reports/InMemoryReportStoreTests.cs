using SlaGrains.Contracts.Reports;
using SlaGrains.Grains.Reports;

namespace SlaGrains.Host.Tests.Reports;

public sealed class InMemoryReportStoreTests : ReportStoreContract
{
    protected override IReportStore Store { get; } = new InMemoryReportStore();
}
