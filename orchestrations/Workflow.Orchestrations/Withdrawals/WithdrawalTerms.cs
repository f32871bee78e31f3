namespace Workflow.Orchestrations.Withdrawals;

/// <summary>
/// The policy terms a withdrawal runs under, stamped into its input when the finding is filed (policy data entry
/// <paramref name="TermsId"/>): the employer's hearing in policy days, the reminder that many days before its deadline
/// (none when 0), and how many months the exclusion proposed on a withdrawal runs.
/// </summary>
public sealed record WithdrawalTerms(string TermsId, int HearingDays, int ReminderDaysBefore, int ExclusionMonths);
