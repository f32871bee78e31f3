namespace Workflow.Application.Dashboard;

/// <summary>Granted highly skilled applications whose salary fell in a band of the threshold of <see cref="ReferenceYear"/>; <see cref="Count"/> null when suppressed (1 to 4).</summary>
public sealed record SalaryBandCount(int ReferenceYear, string Band, int? Count, bool Suppressed);
