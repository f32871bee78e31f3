namespace Workflow.Orchestrations.Policy;

/// <summary>
/// One dated entry of Policy/Data/recognition-policy.json: the terms of the follow-up of a grant to a nurse awaiting
/// recognition (§2.6), in policy days. The recognition terms run from the grant; the care visa's from the recognition.
/// Each term carries its own source (interpretation, placeholder) besides the entry's.
/// </summary>
public sealed record RecognitionTermsEntry(
    string Id,
    DateOnly ValidFrom,
    int RecognitionDays,
    int ExtendedRecognitionDays,
    int CareVisaDays,
    int ReminderDaysBefore,
    int EscalationDaysAfter,
    string Source,
    string RecognitionSource,
    string CareVisaSource,
    string AlertsSource) : DatedEntry(Id, ValidFrom, Source);
