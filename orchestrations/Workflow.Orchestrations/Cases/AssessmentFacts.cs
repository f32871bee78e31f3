namespace Workflow.Orchestrations.Cases;

/// <summary>
/// What the dashboard's evaluation (§2.10) counts of an assessment: the band the salary falls in against the highly
/// skilled threshold of its year (never the salary), and the kinds of fraud signal raised.
/// </summary>
public sealed record AssessmentFacts(string? SalaryBand, int? SalaryReferenceYear, IReadOnlyList<string> Signals);
