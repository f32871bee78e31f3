namespace Workflow.Application.Dashboard;

/// <summary>
/// The outcomes of a category's applications decided in a month (§2.10 asks after the professional cards in particular):
/// granted, refused, inadmissible, and withdrawn by the applicant.
/// </summary>
public sealed record CategoryOutcomeCount(string Month, string Category, int Granted, int Refused, int Inadmissible, int Withdrawn);
