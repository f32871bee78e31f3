using Workflow.Orchestrations.Domain;

namespace Workflow.Orchestrations.Workflows.RecognitionFollowUp;

/// <summary>
/// The input of one follow-up: the granted application (ids and codes only), the real moment of the grant (the follow-up's
/// policy epoch: policy and real time coincide there), the policy day length in force when it was scheduled, and its
/// terms. Everything the workflow needs is stamped here, so it reads no configuration.
/// </summary>
public sealed record RecognitionFollowUpInput(
    string ApplicationId,
    PermitCategory Category,
    DateTimeOffset GrantedAt,
    TimeSpan PolicyDayLength,
    RecognitionTerms Terms);
