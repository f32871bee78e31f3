using System.Text.Json;
using Workflow.Orchestrations.Serialization;
using Workflow.Orchestrations.Workflows.RecognitionFollowUp;

namespace Workflow.Orchestrations.Policy;

/// <summary>
/// The dated terms of the recognition follow-up (Policy/Data/recognition-policy.json): the entry with the latest
/// <c>validFrom</c> on or before the Belgian date of the grant. Kept apart from permit-policy.json because it is not
/// the application's policy: it starts where the application ends.
/// </summary>
public sealed class RecognitionPolicy
{
    readonly RecognitionPolicyData data;

    public RecognitionPolicy(RecognitionPolicyData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.RecognitionFollowUps.Any(e => e.RecognitionDays <= 0 || e.ExtendedRecognitionDays < e.RecognitionDays || e.CareVisaDays <= 0 || e.ReminderDaysBefore < 0 || e.EscalationDaysAfter < 0))
        {
            throw new ArgumentException("Every recognition term must be positive, the extended term at least the first, and the alert offsets not negative.", nameof(data));
        }

        this.data = data;
    }

    /// <summary>The terms shipped with the code.</summary>
    public static RecognitionPolicy Embedded { get; } = new(LoadEmbedded());

    public RecognitionPolicyData Data => this.data;

    /// <summary>The terms for a follow-up of a grant made on <paramref name="grantedOn"/>, or null when no entry is in force that day.</summary>
    public RecognitionTerms? TermsFor(DateOnly grantedOn) =>
        this.data.RecognitionFollowUps.Where(e => e.ValidFrom <= grantedOn).MaxBy(e => e.ValidFrom) is { } entry
            ? new RecognitionTerms(entry.Id, entry.RecognitionDays, entry.ExtendedRecognitionDays, entry.CareVisaDays, entry.ReminderDaysBefore, entry.EscalationDaysAfter)
            : null;

    static RecognitionPolicyData LoadEmbedded()
    {
        using Stream stream = typeof(RecognitionPolicy).Assembly.GetManifestResourceStream("policy/recognition-policy.json")
            ?? throw new InvalidOperationException("The embedded recognition policy data is missing.");
        return JsonSerializer.Deserialize<RecognitionPolicyData>(stream, WorkflowJson.Options)
            ?? throw new InvalidOperationException("The embedded recognition policy data is empty.");
    }
}
