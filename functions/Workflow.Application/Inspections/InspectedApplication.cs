using Workflow.Orchestrations.Domain;

namespace Workflow.Application.Inspections;

/// <summary>One application of an employer as an inspector sees it: its stage and, once decided, its outcome.</summary>
public sealed record InspectedApplication(
    string ApplicationId,
    PermitCategory Category,
    DateTimeOffset SubmittedAt,
    Stage Stage,
    Outcome? Outcome,
    string StatusUrl);
