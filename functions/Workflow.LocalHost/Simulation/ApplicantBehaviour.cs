namespace Workflow.LocalHost.Simulation;

/// <summary>
/// How applicants behave: the share who pay the fee late and by how many days (uniform between the bounds), and the
/// share who leave a document out at submission and send it that many days later.
/// </summary>
public sealed record ApplicantBehaviour
{
    public double LatePaymentShare { get; init; } = 0.1;

    public DayRange LatePaymentDays { get; init; } = new(1, 10);

    public double MissingDocumentShare { get; init; } = 0.1;

    public DayRange MissingDocumentDays { get; init; } = new(2, 12);

    public IEnumerable<string> Problems()
    {
        if (this.LatePaymentShare is < 0 or > 1 || this.MissingDocumentShare is < 0 or > 1)
        {
            yield return "applicants.latePaymentShare and applicants.missingDocumentShare must be from 0 to 1";
        }

        // The admissibility deadline is 15 policy days: a later answer makes the file inadmissible, which is allowed (it is what happens).
        if (!this.LatePaymentDays.IsValid || !this.MissingDocumentDays.IsValid)
        {
            yield return "applicants.latePaymentDays and applicants.missingDocumentDays need 0 <= min <= max <= 60";
        }
    }
}
