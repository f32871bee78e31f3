using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Workflow.Application.Http.OpenApi;

/// <summary>
/// The document as a whole: what the API is and how to call it, where it is served, its tags, its security schemes
/// and shared responses (<see cref="ApiComponents"/>), and schemas that say what goes over the wire (<see cref="SchemaContract"/>).
/// </summary>
internal sealed class DocumentContract : IOpenApiDocumentTransformer
{
    static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Applications"] = "An application for a work authorisation, as its employer (or self-employed applicant) files, pays, completes, corrects or withdraws it, and as everyone with a role reads it.",
        ["Caseworkers"] = "The caseworker's desk: the worklist, the one-view, information and third-party requests, and the decision.",
        ["Managers"] = "Managers: consent to further information requests, peak periods, delivered SLA alerts.",
        ["Exclusion registry"] = "Employers and directors excluded after earlier violations (§2.1), kept with four eyes.",
        ["Federal office"] = "The federal immigration office's signed webhook.",
        ["Payment provider"] = "The payment service provider's signed callback.",
        ["Dashboard"] = "The managers' dashboard: open applications and their SLA state now, the KPIs per month and track against their targets, and the evaluation of §2.10, computed from a projection kept as the workflows go (never from their history).",
        ["Workers"] = "The worker's own door: signed in with their INSZ or BIS number, they follow the applications that name them as the applicant does, read the letter, and export the personal data held about them (GDPR access).",
        ["Session"] = "Who the caller is: where the pages start.",
        ["Misuse reports"] = "Reporting misuse of the scheme (§2.8; the public endpoint is an addition to the note): anyone reports, without a token, and follows the report with its reference; the Flemish social inspection and the housing inspection work their queues and forward reports to each other.",
        ["Inspections"] = "Ex-post controls (§2.10 (d)) for inspectors and managers: the register of work authorisations granted, searched by employer or by director, and an employer's applications; every search is audited.",
        ["Withdrawals"] = "The withdrawal of a granted work authorisation after fraud is found (§2.1): an inspector's finding, the employer's hearing with a deadline, the caseworker's decision, the letters; on withdrawal the employer, the worker and the federal office are told, the register entry is withdrawn and exclusions of the employer and its directors are proposed for a second person to confirm.",
        ["Regulated professions"] = "The follow-up of a grant to a nurse awaiting recognition of a foreign diploma (§2.2, §2.6; the follow-up is an addition to the note): NARIC's recognition within its term (60 days, extendable to 120), then the federal health service's care visa, with reminders and an escalation to managers when overdue. Caseworkers and managers record the outcomes; the employer reads the stage and due date of its own.",
        ["Operations"] = "Operators' commands on the workflow engine, such as restarting a failed workflow, each audited with who and why.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ApiComponents.Register(document);
        document.Info = new OpenApiInfo
        {
            Title = "Flemish work-permit workflow API",
            Version = "1.0.0",
            Description = string.Join("\n\n",
                "Applications for a Flemish work authorisation as durable workflows: submission, admissibility (documents and the fee), the "
                + "Flemish assessment with the federal office's leg, SLA timers, the decision and its letter.",
                "**Authentication.** Every operation but the public list of decision grounds and the two signed webhooks needs a bearer token "
                + "(`bearer`) in one of the roles its description names. Locally the host signs tokens with its development key "
                + "(`scripts/dev-token.sh`); in Azure they are Entra ID access tokens for the API's app registration (`entraId`: OAuth 2.0, "
                + "the role as an app role). The webhooks are signed with HMAC-SHA256 instead. Without a valid token the API answers 401 "
                + "(`WWW-Authenticate: Bearer`), in another role 403, and another employer's application is 404.",
                "**Conventions.** Bodies are JSON, read strictly: unknown or duplicate members are refused, and so is a body over the "
                + "operation's size. The API never writes null: a member without a value is left out. Numbers are written as numbers "
                + "(amounts of money in EUR with at most two decimals); send them as numbers. Errors are RFC 9457 problems "
                + "(`application/problem+json`), and a refused request stores nothing. Every command carries the client's id: the same "
                + "command again is answered from its record (200, `repeated`), other content under a used id is a 409. Every operation "
                + "is rate limited per caller; over budget it answers 429 with `Retry-After`."),
            Contact = new OpenApiContact { Name = "Work-permit platform team" },
            License = new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-Proprietary" },
        };
        document.Servers =
        [
            new OpenApiServer
            {
                Url = "/",
                Description = "The host serving this document: the local host (http://127.0.0.1:5080 by default) or the Function App in Azure.",
            },
        ];
        if (document.Tags is { } tags)
        {
            foreach (OpenApiTag tag in tags)
            {
                if (tag.Name is not null && TagDescriptions.TryGetValue(tag.Name, out string? description))
                {
                    tag.Description = description;
                }
            }
        }

        PolymorphicSchemas.Apply(document);
        SchemaContract.Apply(document);
        ProblemSchemas.Apply(document);
        return Task.CompletedTask;
    }
}
