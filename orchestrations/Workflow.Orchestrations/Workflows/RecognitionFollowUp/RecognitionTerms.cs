namespace Workflow.Orchestrations.Workflows.RecognitionFollowUp;

/// <summary>
/// The terms a follow-up runs under, from the policy entry <paramref name="TermsId"/> in force on the day of the grant
/// (Policy/Data/recognition-policy.json), in policy days: the recognition due <paramref name="RecognitionDays"/> after the
/// grant, or <paramref name="ExtendedRecognitionDays"/> once extended; the care visa <paramref name="CareVisaDays"/> after
/// the recognition; a reminder <paramref name="ReminderDaysBefore"/> each due date and an escalation
/// <paramref name="EscalationDaysAfter"/> it.
/// </summary>
public sealed record RecognitionTerms(
    string TermsId,
    int RecognitionDays,
    int ExtendedRecognitionDays,
    int CareVisaDays,
    int ReminderDaysBefore,
    int EscalationDaysAfter);
