namespace Workflow.Orchestrations.Policy;

/// <summary>The shape of Policy/Data/recognition-policy.json (§2.6, an addition to the note). Every entry carries its sources.</summary>
public sealed record RecognitionPolicyData(IReadOnlyList<RecognitionTermsEntry> RecognitionFollowUps);
