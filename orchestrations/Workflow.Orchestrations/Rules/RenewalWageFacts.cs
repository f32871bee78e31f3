using Workflow.Orchestrations.Domain;

namespace Workflow.Orchestrations.Rules;

/// <summary>
/// What the wage check of a renewal looks at (<see cref="RenewalWage"/>): the renewal's category, submission date and
/// the worker's age and nurse exception (for the threshold of the year, as the category's salary rule reads them); the
/// authorisation renewed and the gross annual wage of the grant behind it; the gross wage DMFA declares for the worker
/// last quarter (null when the sources declare none). Ids and figures only.
/// </summary>
public sealed record RenewalWageFacts(
    PermitCategory Category,
    DateOnly SubmissionDate,
    int? WorkerAgeAtSubmission,
    bool NurseAwaitingRecognition,
    string RenewedApplicationId,
    decimal? PreviousGrossAnnualSalary,
    decimal? DeclaredWageLastQuarter);
