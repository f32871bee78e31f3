using Workflow.Application.Submissions;
using Workflow.Application.Validation;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Domain.Identifiers;
using Workflow.UnitTests.Support;
using static Workflow.UnitTests.Validation.ValidationHarness;

namespace Workflow.UnitTests.Validation;

/// <summary>Validation of <c>POST /api/applications</c>: every rule reports the JSON path of the field at fault.</summary>
public class SubmissionValidatorTests
{
    static readonly SubmitApplicationRequest Base = Samples.Request(PermitCategory.Other);

    static SubmitApplicationRequest WithWorker(WorkerInput worker) => Base with { Worker = worker };

    static SubmitApplicationRequest WithJob(Func<JobInput, JobInput> change) => Base with { Job = change(Base.Job!) };

    [Theory]
    [InlineData(PermitCategory.HighlySkilled)]
    [InlineData(PermitCategory.MediumSkilledShortage)]
    [InlineData(PermitCategory.Other)]
    [InlineData(PermitCategory.Seasonal)]
    [InlineData(PermitCategory.MinisterOfReligion)]
    [InlineData(PermitCategory.WorkCard)]
    [InlineData(PermitCategory.ProfessionalCard)]
    public void A_valid_request_of_every_category_validates(PermitCategory category)
    {
        ValidatedSubmission result = AssertValid(Samples.Request(category));

        Assert.Equal(category, result.Category);
        Assert.Equal("sub-2026-0001", result.SubmissionId);
        Assert.Single(result.Documents);
        if (category == PermitCategory.ProfessionalCard)
        {
            Assert.Equal("self:" + Samples.SelfEmployedReference, result.ApplicantKey);
            Assert.Null(result.Employer);
            Assert.Equal(Samples.SelfEmployedReference, result.SelfEmployed?.Reference);
        }
        else
        {
            Assert.Equal(Samples.Kbo, result.ApplicantKey);
            Assert.Equal(Samples.Kbo, result.Employer?.Kbo);
            Assert.Null(result.SelfEmployed);
        }
    }

    [Fact]
    public void The_employer_kbo_is_normalised_and_is_the_applicant_key()
    {
        ValidatedSubmission result = AssertValid(Base with { Employer = Base.Employer! with { Kbo = "BE0123.456.749" } });

        Assert.Equal("0123456749", result.Employer?.Kbo);
        Assert.Equal("0123456749", result.ApplicantKey);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing_submission_id_is_rejected(string? submissionId)
    {
        AssertRejected(Base with { SubmissionId = submissionId }, "submissionId");
    }

    [Fact]
    public void Missing_category_is_rejected()
    {
        AssertRejected(Base with { Category = null }, "category");
    }

    [Fact]
    public void Missing_worker_is_rejected()
    {
        AssertRejected(Base with { Worker = null }, "worker");
    }

    [Fact]
    public void Missing_job_is_rejected()
    {
        AssertRejected(Base with { Job = null }, "job");
    }

    [Fact]
    public void Missing_employer_is_rejected()
    {
        AssertRejected(Base with { Employer = null }, "employer");
    }

    [Fact]
    public void Missing_self_employed_applicant_for_a_professional_card_is_rejected()
    {
        AssertRejected(Samples.Request(PermitCategory.ProfessionalCard) with { SelfEmployed = null }, "selfEmployed");
    }

    [Theory]
    [InlineData("sub 1")]
    [InlineData("-sub-1")]
    [InlineData("sub/1")]
    [InlineData("sub-ü")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")] // 65 characters
    public void Submission_id_with_a_space_other_characters_or_more_than_64_characters_is_rejected(string submissionId)
    {
        AssertRejected(Base with { SubmissionId = submissionId }, "submissionId");
    }

    [Theory]
    [InlineData("a")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")] // 64 characters
    [InlineData("2026-03-02.portal:batch_7")]
    public void Submission_id_of_1_to_64_allowed_characters_is_accepted(string submissionId)
    {
        Assert.Equal(submissionId, AssertValid(Base with { SubmissionId = submissionId }).SubmissionId);
    }

    [Theory]
    [InlineData("sub-1\n")]
    [InlineData("sub-1\r\n")]
    public void Submission_id_with_a_trailing_line_break_is_rejected(string submissionId)
    {
        AssertRejected(Base with { SubmissionId = submissionId }, "submissionId");
    }

    [Theory]
    [InlineData("0123456748")] // wrong check digits
    [InlineData("1000000022")]
    [InlineData("123456749")] // 9 digits
    [InlineData("2345678917")]
    public void Employer_kbo_with_bad_check_digits_or_shape_is_rejected(string kbo)
    {
        AssertRejected(Base with { Employer = Base.Employer! with { Kbo = kbo } }, "employer.kbo");
    }

    [Fact]
    public void Employer_given_for_a_professional_card_is_rejected()
    {
        SubmitApplicationRequest request = Samples.Request(PermitCategory.ProfessionalCard) with
        {
            Employer = new EmployerInput(Samples.Kbo, "Acme Logistics NV", "hr@acme-logistics.be"),
        };

        AssertRejected(request, "employer");
    }

    [Theory]
    [InlineData(PermitCategory.HighlySkilled)]
    [InlineData(PermitCategory.Other)]
    [InlineData(PermitCategory.WorkCard)]
    public void Self_employed_applicant_given_for_another_category_is_rejected(PermitCategory category)
    {
        SubmitApplicationRequest request = Samples.Request(category) with
        {
            SelfEmployed = new SelfEmployedInput(Samples.SelfEmployedReference, null, "asha.rao@example.in"),
        };

        AssertRejected(request, "selfEmployed");
    }

    [Fact]
    public void Self_employed_kbo_with_bad_check_digits_is_rejected()
    {
        SubmitApplicationRequest request = Samples.Request(PermitCategory.ProfessionalCard);

        AssertRejected(request with { SelfEmployed = request.SelfEmployed! with { Kbo = "0123456748" } }, "selfEmployed.kbo");
    }

    [Fact]
    public void A_worker_identified_by_insz_alone_is_valid_and_gets_the_encoded_birth_date()
    {
        ValidatedSubmission result = AssertValid(WithWorker(Samples.WorkerWithInsz("85.07.30-033.28")));

        Assert.Equal(Samples.Insz, result.Worker.PersonNumber);
        Assert.Equal(PersonNumberKind.Insz, result.Worker.PersonNumberKind);
        Assert.Equal(Samples.InszBirthDate, result.Worker.BirthDate);
    }

    [Fact]
    public void A_worker_identified_by_bis_alone_is_valid()
    {
        WorkerInput worker = Samples.WorkerWithInsz() with { Insz = null, Bis = Samples.Bis };

        ValidatedSubmission result = AssertValid(WithWorker(worker));

        Assert.Equal(Samples.Bis, result.Worker.PersonNumber);
        Assert.Equal(PersonNumberKind.Bis, result.Worker.PersonNumberKind);
        Assert.Equal(Samples.InszBirthDate, result.Worker.BirthDate);
    }

    [Fact]
    public void An_insz_number_given_as_bis_is_rejected()
    {
        AssertRejected(WithWorker(Samples.WorkerWithInsz() with { Insz = null, Bis = Samples.Insz }), "worker.bis");
    }

    [Fact]
    public void A_bis_number_given_as_insz_is_rejected()
    {
        AssertRejected(WithWorker(Samples.WorkerWithInsz(Samples.Bis)), "worker.insz");
    }

    [Fact]
    public void An_insz_with_wrong_check_digits_is_rejected()
    {
        AssertRejected(WithWorker(Samples.WorkerWithInsz("85073003329")), "worker.insz");
    }

    [Fact]
    public void Both_insz_and_bis_are_rejected()
    {
        AssertRejected(WithWorker(Samples.WorkerWithInsz() with { Bis = Samples.Bis }), "worker");
    }

    [Fact]
    public void An_insz_whose_check_digits_only_fit_a_birth_in_the_future_is_rejected()
    {
        // 85073003357 passes only the 2-prefixed check (2850730033 mod 97 = 40; 97 − 40 = 57): a birth on 2085-07-30.
        Assert.Equal(new DateOnly(2085, 7, 30), PersonNumber.Check("85073003357").BirthDate);

        (ValidatedSubmission? result, Dictionary<string, string[]> errors) = Validate(WithWorker(Samples.WorkerWithInsz("85073003357")));

        Assert.Null(result);
        Assert.Contains(errors.Keys, key => key.StartsWith("worker.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("worker.passportNumber")]
    [InlineData("worker.nationality")]
    [InlineData("worker.birthDate")]
    public void Without_insz_or_bis_passport_nationality_and_birth_date_are_each_required(string missing)
    {
        WorkerInput worker = Samples.Worker();
        worker = missing switch
        {
            "worker.passportNumber" => worker with { PassportNumber = null },
            "worker.nationality" => worker with { Nationality = null },
            _ => worker with { BirthDate = null },
        };

        AssertRejected(WithWorker(worker), missing);
    }

    [Theory]
    [InlineData("FRA")]
    [InlineData("BEL")]
    [InlineData("NLD")]
    [InlineData("NOR")]
    [InlineData("CHE")]
    [InlineData("fra")]
    public void Eu_eea_or_swiss_nationality_is_rejected(string nationality)
    {
        AssertRejected(WithWorker(Samples.Worker() with { Nationality = nationality }), "worker.nationality");
    }

    [Theory]
    [InlineData("IN")]
    [InlineData("INDIA")]
    [InlineData("1ND")]
    public void Nationality_that_is_no_alpha_3_code_is_rejected(string nationality)
    {
        AssertRejected(WithWorker(Samples.Worker() with { Nationality = nationality }), "worker.nationality");
    }

    [Theory]
    [InlineData("IND")]
    [InlineData("MAR")]
    [InlineData("GBR")]
    public void Non_eu_nationality_is_accepted(string nationality)
    {
        Assert.Equal(nationality, AssertValid(WithWorker(Samples.Worker() with { Nationality = nationality })).Worker.Nationality);
    }

    [Fact]
    public void A_birth_date_contradicting_the_insz_is_rejected()
    {
        WorkerInput worker = Samples.WorkerWithInsz() with { BirthDate = Samples.InszBirthDate.AddDays(1) };

        AssertRejected(WithWorker(worker), "worker.birthDate");
    }

    [Fact]
    public void A_birth_date_matching_the_insz_is_accepted()
    {
        AssertValid(WithWorker(Samples.WorkerWithInsz() with { BirthDate = Samples.InszBirthDate }));
    }

    [Theory]
    [InlineData(-14)] // 14 years old
    [InlineData(-101)]
    public void A_worker_younger_than_15_or_older_than_100_is_rejected(int yearsFromToday)
    {
        var birthDate = new DateOnly(2026 + yearsFromToday, 3, 1);

        AssertRejected(WithWorker(Samples.Worker() with { BirthDate = birthDate }), "worker.birthDate");
    }

    [Theory]
    [InlineData("Asha2")]
    [InlineData("<script>")]
    [InlineData("Asha<script>alert(1)</script>")]
    [InlineData("Zo\u200Dë")] // zero-width joiner
    [InlineData("Ali\u202Ecba")] // right-to-left override
    [InlineData("Asha\u0000")]
    [InlineData("Asha_Rao")]
    public void Names_with_digits_markup_or_invisible_characters_are_rejected(string name)
    {
        AssertRejected(WithWorker(Samples.Worker() with { GivenName = name }), "worker.givenName");
        AssertRejected(WithWorker(Samples.Worker() with { FamilyName = name }), "worker.familyName");
    }

    [Theory]
    [InlineData("Zoë O'Brien-Núñez")]
    [InlineData("王小明")]
    [InlineData("आशा")] // Devanagari, with a spacing combining vowel sign
    [InlineData("D’Souza")]
    [InlineData("St. John")]
    public void Names_in_any_script_with_apostrophes_hyphens_and_accents_are_accepted(string name)
    {
        ValidatedSubmission result = AssertValid(WithWorker(Samples.Worker() with { GivenName = name }));

        Assert.Equal(name, result.Worker.GivenName);
    }

    [Fact]
    public void A_decomposed_name_is_stored_composed()
    {
        ValidatedSubmission result = AssertValid(WithWorker(Samples.Worker() with { FamilyName = "Zoe\u0308" }));

        Assert.Equal("Zo\u00EB", result.Worker.FamilyName);
    }

    [Fact]
    public void A_name_of_more_than_100_characters_is_rejected()
    {
        AssertRejected(WithWorker(Samples.Worker() with { FamilyName = new string('a', 101) }), "worker.familyName");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    [InlineData(-1)]
    public void Vks_level_outside_1_to_8_is_rejected(int vks)
    {
        AssertRejected(WithJob(job => job with { VksLevel = vks }), "job.vksLevel");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    public void Vks_levels_1_and_8_are_accepted(int vks)
    {
        Assert.Equal(vks, AssertValid(WithJob(job => job with { VksLevel = vks })).Job.VksLevel);
    }

    [Fact]
    public void Work_card_of_exactly_90_days_is_accepted()
    {
        SubmitApplicationRequest request = Samples.Request(PermitCategory.WorkCard);

        AssertValid(request with { Job = request.Job! with { EndDate = Samples.JobStart.AddDays(89) } });
    }

    [Theory]
    [InlineData(90)] // 91 days, both dates inclusive
    [InlineData(365)]
    public void Work_card_longer_than_90_days_is_rejected(int daysAfterStart)
    {
        SubmitApplicationRequest request = Samples.Request(PermitCategory.WorkCard);

        AssertRejected(request with { Job = request.Job! with { EndDate = Samples.JobStart.AddDays(daysAfterStart) } }, "job.endDate");
    }

    [Fact]
    public void Work_card_without_end_date_is_rejected()
    {
        SubmitApplicationRequest request = Samples.Request(PermitCategory.WorkCard);

        AssertRejected(request with { Job = request.Job! with { EndDate = null } }, "job.endDate");
    }

    [Fact]
    public void Another_category_may_last_longer_than_90_days()
    {
        AssertValid(WithJob(job => job with { EndDate = Samples.JobStart.AddDays(400) }));
    }

    [Fact]
    public void End_date_before_start_date_is_rejected()
    {
        AssertRejected(WithJob(job => job with { EndDate = Samples.JobStart.AddDays(-1) }), "job.endDate");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10_000_001)]
    public void Salary_must_be_positive_and_bounded(int salary)
    {
        AssertRejected(WithJob(job => job with { GrossAnnualSalary = salary }), "job.grossAnnualSalary");
    }

    [Fact]
    public void Job_title_with_markup_is_rejected()
    {
        AssertRejected(WithJob(job => job with { Title = "Engineer <b>senior</b>" }), "job.title");
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        SubmitApplicationRequest request = Base with
        {
            SubmissionId = "bad id",
            Employer = Base.Employer! with { Kbo = "0123456748" },
            Worker = Samples.Worker() with { Nationality = "FRA" },
            Job = Base.Job! with { VksLevel = 9 },
        };

        AssertRejected(request, "submissionId", "employer.kbo", "worker.nationality", "job.vksLevel");
    }

    [Fact]
    public void Validation_errors_require_treats_blank_text_as_missing()
    {
        var errors = new ValidationErrors();

        Assert.False(errors.Require("a", " \t"));
        Assert.True(errors.Require("b", "x"));
        Assert.False(errors.Require<int?>("c", null));

        Assert.Equal(["a", "c"], errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }
}
