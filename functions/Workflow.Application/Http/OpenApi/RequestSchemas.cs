using Workflow.Application.Commands;
using Workflow.Application.Payments;
using Workflow.Application.Submissions;
using Workflow.Orchestrations.Contracts;

namespace Workflow.Application.Http.OpenApi;

/// <summary>
/// What the API requires of each request body, as its validators check it. Request records declare every member
/// nullable so that a missing one gets a validation message rather than a parse error, so their types cannot say which
/// members are required: this table does, with the members that exclude each other and the rules types cannot carry.
/// Every request body is read strictly (unknown members refused), so these schemas allow no other members.
/// </summary>
internal static class RequestSchemas
{
    /// <summary>The shapes by schema name (the request type's name).</summary>
    public static IReadOnlyDictionary<string, RequestShape> ByName { get; } = new Dictionary<string, RequestShape>(StringComparer.Ordinal)
    {
        [nameof(SubmitApplicationRequest)] = new(
            ["submissionId", "category", "worker", "job"],
            OneOf:
            [
                new("filed by an employer", ["employer"]),
                new("filed by a self-employed person", ["selfEmployed"]),
            ],
            Notes: new Dictionary<string, string>
            {
                ["submissionId"] = "The client's id of this submission: with the applicant, it makes the submission idempotent.",
                ["employer"] = "Required for every category but professional-card; not given for professional-card.",
                ["selfEmployed"] = "Required for professional-card (the self-employed person applies); not given otherwise.",
                ["labourMarketTest"] = "Only for the categories other and seasonal (§2.3).",
                ["documents"] = "The documents filed with the application; missing ones can be supplied later.",
                ["renews"] = "Makes the application a renewal (§2.5): the application id of the grant whose authorisation it renews, as the register and that grant's status name it. The authorisation must be the applicant's own, for the same worker and category, granted and still valid on the submission date, and renewed by no other application (422 when the applicant holds no such authorisation: unknown and other applicants' alike; 409 when it is expired, withdrawn or renewed by another). A renewal pays the category's ordinary fee and runs the category's rules plus a wage check against the previous grant. Not given for a first application.",
            }),
        [nameof(EmployerInput)] = new(["kbo", "name", "contactEmail"]),
        [nameof(SelfEmployedInput)] = new(["reference", "contactEmail"]),
        [nameof(WorkerInput)] = new(
            ["givenName", "familyName"],
            AnyOf:
            [
                new("identified by INSZ", ["insz"]),
                new("identified by BIS", ["bis"]),
                new("identified by passport (a first-time worker without INSZ or BIS)", ["passportNumber", "nationality", "birthDate"]),
            ],
            NotTogether: ["insz", "bis"],
            Notes: new Dictionary<string, string>
            {
                ["insz"] = "The worker's INSZ number; not together with bis.",
                ["bis"] = "The worker's BIS number; not together with insz.",
                ["passportNumber"] = "Required, with nationality and birthDate, when the worker has neither INSZ nor BIS.",
                ["nationality"] = "ISO 3166-1 alpha-3; required when the worker has neither INSZ nor BIS.",
                ["birthDate"] = "Required when the worker has neither INSZ nor BIS; otherwise it must match the one the number encodes.",
                ["integrationTestPassed"] = "Only for minister-of-religion (§2.7).",
            }),
        [nameof(JobInput)] = new(
            ["title", "vksLevel", "grossAnnualSalary", "startDate"],
            Notes: new Dictionary<string, string>
            {
                ["grossAnnualSalary"] = "Gross annual salary in EUR.",
                ["endDate"] = "Required for work-card (at most 90 days from startDate).",
                ["occupationCode"] = "Required for medium-skilled-shortage (an occupation of the migration list); not given otherwise.",
            }),
        [nameof(LabourMarketTestInput)] = new([]),
        [nameof(VacancyInput)] = new(["site", "from", "to"]),
        [nameof(DocumentInput)] = new(["type", "fileName", "contentType", "contentBase64"]),
        [nameof(SupplyDocumentsRequest)] = new(
            ["documents"],
            Notes: new Dictionary<string, string> { ["requestId"] = "The open information request these documents answer, if any." }),
        [nameof(PaymentRequest)] = new(
            ["paymentId"],
            Notes: new Dictionary<string, string>
            {
                ["amount"] = "Optional; when given, it must be the fee due.",
                ["currency"] = "Optional; when given, it must be the fee's currency (EUR).",
            }),
        [nameof(WithdrawalRequest)] = new(["withdrawalId"]),
        [nameof(CorrectionRequest)] = new(
            ["correctionId"],
            AnyOf:
            [
                new("corrects the employer", ["employer"]),
                new("corrects the worker", ["worker"]),
                new("corrects the job", ["job"]),
                new("corrects the labour-market test", ["labourMarketTest"]),
            ],
            Notes: new Dictionary<string, string>
            {
                ["employer"] = "Replaces the employer's name and contact (not for professional-card).",
                ["worker"] = "Replaces the worker section.",
                ["job"] = "Replaces the job section.",
                ["labourMarketTest"] = "Replaces the labour-market test (categories other and seasonal).",
            }),
        [nameof(EmployerCorrectionInput)] = new(["name", "contactEmail"]),
        [nameof(InformationRequestRequest)] = new(["requestId", "question"]),
        [nameof(InformationConsentRequest)] = new(
            ["grant"],
            Notes: new Dictionary<string, string> { ["reason"] = "Required when grant is false." }),
        [nameof(DecisionRequest)] = new(
            ["decisionId", "verdict", "motivation"],
            Notes: new Dictionary<string, string>
            {
                ["grounds"] = "A refusal cites at least one ground code of GET /api/decision-grounds; an approval cites none.",
                ["motivation"] = "Kept in the dossier only.",
            }),
        [nameof(ThirdPartyRequestRequest)] = new(
            ["requestId", "kind", "authority"],
            Notes: new Dictionary<string, string>
            {
                ["documentType"] = "Required for document-authentication (the type of the document in doubt); not given for screening-advice.",
            }),
        [nameof(ThirdPartyAnswerRequest)] = new(["answerId", "answer"]),
        [nameof(ExclusionRequest)] = new(
            ["exclusionId", "party", "partyReference", "from", "reasonCode", "decisionReference"],
            Notes: new Dictionary<string, string>
            {
                ["partyReference"] = "The employer's KBO number, or the director's INSZ or BIS number.",
                ["until"] = "The last day (inclusive); open-ended when not given.",
            }),
        [nameof(ExclusionLiftRequest)] = new(["changeId", "reasonCode", "decisionReference"]),
        [nameof(ExclusionCorrectionRequest)] = new(
            ["changeId", "from", "reasonCode", "decisionReference"],
            Notes: new Dictionary<string, string> { ["until"] = "The last day (inclusive); open-ended when not given." }),
        [nameof(Assignments.AssignRequest)] = new(
            ["caseworker"],
            Notes: new Dictionary<string, string>
            {
                ["caseworker"] = "The caseworker's token subject (the Entra object id in Azure).",
                ["name"] = "The display name to show; when not given, the one known from the caseworker's earlier claims or assignments.",
                ["reason"] = "Why (absence cover, say): at most 1,000 characters, kept in the dossier only.",
            }),
        [nameof(PeakPeriodsRequest)] = new(["periods"]),
        [nameof(PeakPeriodInput)] = new(["from", "to"]),
        [nameof(FederalInboundMessage)] = new(
            ["messageId", "kind", "applicationId", "handoffId"],
            Notes: new Dictionary<string, string> { ["decision"] = "Required when kind is decision; not given otherwise." }),
        [nameof(PaymentEvent)] = new(["eventId", "type", "applicationId", "paymentId", "providerPaymentId", "amount", "currency"]),
        [nameof(Withdrawals.FindingRequest)] = new(
            ["findingId", "authorisationId", "ground", "evidence"],
            Notes: new Dictionary<string, string>
            {
                ["authorisationId"] = "The application that granted the authorisation, as the register lists it.",
                ["ground"] = "A §2.1 ground for a withdrawal: economic-hub, non-eu-workforce-only or false-documents.",
                ["evidence"] = "1 to 20 references to the evidence (ids or short descriptions, at most 200 characters each); never shown to the employer.",
                ["summary"] = "What was found, at most 4,000 characters; never shown to the employer.",
            }),
        [nameof(Withdrawals.HearingResponseRequest)] = new(
            ["responseId", "statement"],
            Notes: new Dictionary<string, string> { ["statement"] = "The employer's position, at most 8,000 characters." }),
        [nameof(Withdrawals.WithdrawalDecisionRequest)] = new(
            ["decisionId", "verdict"],
            Notes: new Dictionary<string, string>
            {
                ["verdict"] = "withdraw or keep.",
                ["ground"] = "Required to withdraw (a §2.1 ground: economic-hub, non-eu-workforce-only or false-documents); not given to keep.",
                ["reason"] = "Required to keep the authorisation, optional to withdraw; at most 4,000 characters, never shown to the employer.",
            }),
    };
}
