using Workflow.Application.Submissions;
using Workflow.Orchestrations.Domain;

namespace Workflow.UnitTests.Support;

/// <summary>Valid sample requests and dossiers; tests change one thing with <c>with</c>.</summary>
internal static class Samples
{
    /// <summary>The fixed "now" of validation tests (a Monday in Brussels, winter time).</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(1));

    public const string Kbo = "0123456749";

    public const string SelfEmployedReference = "portal-ref-42";

    /// <summary>A hand-verified INSZ: born 1985-07-30, sequence 033; 850730033 mod 97 = 69, 97 − 69 = 28.</summary>
    public const string Insz = "85073003328";

    /// <summary>The BIS number of the same birth date (month + 20): 852730033 mod 97 = 26, 97 − 26 = 71.</summary>
    public const string Bis = "85273003371";

    public static readonly DateOnly InszBirthDate = new(1985, 7, 30);

    public static readonly DateOnly JobStart = new(2026, 4, 1);

    /// <summary>A tiny but well-formed PDF (48 bytes).</summary>
    public static readonly byte[] PdfBytes = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    /// <summary>SHA-256 of <see cref="PdfBytes"/>, computed outside .NET (Python hashlib).</summary>
    public const string PdfSha256 = "a8ea9f63d81e0927b1935af65c5c4ae12be654d6d1d57907772491a65a562aa5";

    public static readonly byte[] PngBytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

    public static DocumentInput Pdf(string type = DocumentTypes.Passport, string fileName = "passport.pdf") =>
        new(type, fileName, "application/pdf", Convert.ToBase64String(PdfBytes));

    /// <summary>A first-time non-EU worker: no INSZ or BIS, identified by passport, nationality and birth date.</summary>
    public static WorkerInput Worker() =>
        new("Asha", "Rao", Insz: null, Bis: null, "P1234567", "IND", new DateOnly(1990, 4, 12), "asha.rao@example.in");

    /// <summary>A worker identified by an INSZ number only.</summary>
    public static WorkerInput WorkerWithInsz(string insz = Insz) =>
        new("Asha", "Rao", insz, Bis: null, PassportNumber: null, Nationality: null, BirthDate: null, ContactEmail: null);

    public static SubmitApplicationRequest Request(PermitCategory category)
    {
        (int vks, DateOnly? end) = category switch
        {
            PermitCategory.HighlySkilled => (7, (DateOnly?)null),
            PermitCategory.MediumSkilledShortage => (4, null),
            PermitCategory.Other => (3, null),
            PermitCategory.Seasonal => (2, JobStart.AddDays(59)),
            PermitCategory.MinisterOfReligion => (5, null),
            PermitCategory.WorkCard => (3, JobStart.AddDays(29)),
            _ => (6, null),
        };

        bool selfEmployed = category.IsFiledBySelfEmployed();
        return new SubmitApplicationRequest(
            "sub-2026-0001",
            category,
            selfEmployed ? null : new EmployerInput(Kbo, "Acme Logistics NV", "hr@acme-logistics.be"),
            selfEmployed ? new SelfEmployedInput(SelfEmployedReference, null, "asha.rao@example.in") : null,
            Worker(),
            new JobInput("Software engineer", vks, 52_000m, JobStart, end, OccupationCode: category == PermitCategory.MediumSkilledShortage ? "roofer" : null),
            [Pdf()]);
    }

    public static ApplicationDossier Dossier(PermitCategory category = PermitCategory.Other) =>
        new(
            "wp-abcdefghijklmnopqrstuvwxyz",
            "sub-2026-0001",
            category,
            Now,
            category.IsFiledBySelfEmployed() ? null : new EmployerDetails(Kbo, "Acme Logistics NV", "hr@acme-logistics.be"),
            category.IsFiledBySelfEmployed() ? new SelfEmployedDetails(SelfEmployedReference, null, "asha.rao@example.in") : null,
            new WorkerDetails("Asha", "Rao", null, null, "P1234567", "IND", new DateOnly(1990, 4, 12), null),
            new JobDetails("Software engineer", 7, 52_000m, JobStart, null));
}
