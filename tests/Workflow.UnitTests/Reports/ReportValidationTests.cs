using Workflow.Application.Reports;
using Workflow.Application.Validation;
using Workflow.Orchestrations.Reports;

namespace Workflow.UnitTests.Reports;

/// <summary>A misuse report and an inspector's action are checked field by field; a valid report is normalised and fingerprinted by content.</summary>
public sealed class ReportValidationTests
{
    static readonly MisuseReportRequest Valid = new(
        "R-1", "0412.345.614", null, ["unsafe-housing", "underpayment", "underpayment"], "Twelve workers sleep in one garage.", null);

    static Dictionary<string, string[]> Errors(MisuseReportRequest request)
    {
        var errors = new ValidationErrors();
        Assert.Null(ReportValidation.Check(request, errors));
        return errors.ToDictionary();
    }

    [Fact]
    public void A_valid_report_is_normalised_kbo_digits_and_signals_distinct_in_order()
    {
        var errors = new ValidationErrors();
        MisuseReportContent content = ReportValidation.Check(Valid, errors)!;

        Assert.True(errors.IsValid);
        Assert.Equal("0412345614", content.EmployerKbo);
        Assert.Equal([MisuseSignal.Underpayment, MisuseSignal.UnsafeHousing], content.Signals);
    }

    [Fact]
    public void A_report_about_the_workers_situation_needs_no_identifier()
    {
        var errors = new ValidationErrors();
        Assert.NotNull(ReportValidation.Check(Valid with { EmployerKbo = null, WorkerSituation = "A seasonal worker on a farm near Sint-Truiden." }, errors));
    }

    [Fact]
    public void The_same_content_has_the_same_fingerprint_and_other_content_another()
    {
        var errors = new ValidationErrors();
        string first = ReportValidation.Fingerprint(ReportValidation.Check(Valid, errors)!);
        string again = ReportValidation.Fingerprint(ReportValidation.Check(Valid with { EmployerKbo = "BE0412345614" }, errors)!);
        string other = ReportValidation.Fingerprint(ReportValidation.Check(Valid with { Description = "Something else." }, errors)!);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Theory]
    [InlineData("0412345615", "employerKbo")] // wrong check digits
    [InlineData("12345", "employerKbo")]
    public void A_wrong_kbo_number_is_refused(string kbo, string field) =>
        Assert.Contains(field, Errors(Valid with { EmployerKbo = kbo }).Keys);

    [Fact]
    public void Every_field_is_checked_and_named()
    {
        Dictionary<string, string[]> errors = Errors(new MisuseReportRequest(
            "bad id with spaces", null, null, ["underpayment", "stolen-bikes"], new string('x', ReportValidation.MaxDescription + 1),
            new ReporterContact(null, "not-an-email", "call me")));

        Assert.Contains("reportId", errors.Keys);
        Assert.Contains("employerKbo", errors.Keys); // neither an employer nor the worker's situation
        Assert.Contains("signals[1]", errors.Keys);
        Assert.Contains("description", errors.Keys);
        Assert.Contains("contact.email", errors.Keys);
        Assert.Contains("contact.phone", errors.Keys);
    }

    [Fact]
    public void Signals_are_required_and_markup_in_text_is_refused()
    {
        Assert.Contains("signals", Errors(Valid with { Signals = [] }).Keys);
        Assert.Contains("signals", Errors(Valid with { Signals = null }).Keys);
        Assert.Contains("description", Errors(Valid with { Description = "<script>alert(1)</script>" }).Keys);
        Assert.Contains("description", Errors(Valid with { Description = null }).Keys);
        Assert.Contains("contact", Errors(Valid with { Contact = new ReporterContact(null, null, null) }).Keys);
    }

    [Fact]
    public void A_forward_names_its_inspection_and_reason_and_a_close_its_outcome()
    {
        var errors = new ValidationErrors();
        Assert.Equal(("F-1", Inspection.Social, "Housing matter."), ReportValidation.Check(new ForwardReportRequest("F-1", "social", "Housing matter."), errors));
        Assert.Equal(("C-1", Inspection.Housing, ReportOutcome.InsufficientInformation, (string?)null), ReportValidation.Check(new CloseReportRequest("C-1", "housing", "insufficient-information", null), errors));

        var forward = new ValidationErrors();
        Assert.Null(ReportValidation.Check(new ForwardReportRequest("F-1", "federal", null), forward));
        Assert.Equal(["from", "reason"], forward.ToDictionary().Keys.Order(StringComparer.Ordinal));

        var close = new ValidationErrors();
        Assert.Null(ReportValidation.Check(new CloseReportRequest(null, "housing", "fined", null), close));
        Assert.Equal(["actionId", "outcome"], close.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void References_are_long_random_and_recognised()
    {
        string a = ReportReferences.NewReference();
        string b = ReportReferences.NewReference();

        Assert.NotEqual(a, b);
        Assert.Equal(43, a.Length);
        Assert.True(ReportReferences.IsReference(a));
        Assert.False(ReportReferences.IsReference(a.ToLowerInvariant()));
        Assert.False(ReportReferences.IsReference("MR-1"));
        Assert.False(ReportReferences.IsReference(ReportReferences.NewCaseId()));
    }
}
