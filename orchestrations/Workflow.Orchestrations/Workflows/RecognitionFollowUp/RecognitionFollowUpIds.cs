using Workflow.Orchestrations.Domain;

namespace Workflow.Orchestrations.Workflows.RecognitionFollowUp;

/// <summary>
/// The follow-up's instance id, derived from the application id ("rf-" + the same 26 characters): one follow-up per
/// grant, found again by whoever schedules it twice, and no personal data.
/// </summary>
public static class RecognitionFollowUpIds
{
    public const string Prefix = "rf-";

    public static string For(string applicationId)
    {
        if (!ApplicationIds.IsWellFormed(applicationId))
        {
            throw new ArgumentException("Not an application id.", nameof(applicationId));
        }

        return Prefix + applicationId[ApplicationIds.Prefix.Length..];
    }
}
