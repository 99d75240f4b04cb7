using SlaGrains.Domain.Reports;

namespace SlaGrains.Host.Api;

/// <summary>The same report twice: the cases as they ran, and replayed under the draft; <see cref="Cases"/> says how many were replayed.</summary>
public sealed record WhatIfReport(ComplianceReport Actual, ComplianceReport Draft, int Cases);
