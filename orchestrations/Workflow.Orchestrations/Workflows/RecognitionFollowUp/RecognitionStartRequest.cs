using Workflow.Orchestrations.Domain;

namespace Workflow.Orchestrations.Workflows.RecognitionFollowUp;

/// <summary>
/// A follow-up to start: the granted application, its category, the real moment of the grant and the policy day length
/// of the application (so the follow-up runs on the same clock scale), and whether its workflow is scheduled yet.
/// </summary>
public sealed record RecognitionStartRequest(string ApplicationId, PermitCategory Category, DateTimeOffset GrantedAt, TimeSpan PolicyDayLength, bool Started = false);
