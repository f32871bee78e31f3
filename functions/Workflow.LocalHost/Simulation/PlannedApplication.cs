namespace Workflow.LocalHost.Simulation;

/// <summary>
/// One application of the run as planned before it starts: when it arrives (policy days from the start), its
/// category, its applicant's delays (null: none), and whether the caseworker refuses it.
/// </summary>
public sealed record PlannedApplication(
    int Number,
    double ArrivalDay,
    string Category,
    double? LatePaymentAfterDays,
    double? MissingDocumentAfterDays,
    bool RefusedByCaseworker = false);
