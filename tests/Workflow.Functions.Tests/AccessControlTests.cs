using System.Reflection;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Workflow.Application.Access;
using Workflow.Application.Federal;
using Workflow.Application.Http;
using Workflow.Application.Payments;
using Workflow.Functions.Http;
using Workflow.Functions.Tests.Support;
using Workflow.Orchestrations.Domain;
using Workflow.Tests.Shared;

namespace Workflow.Functions.Tests;

/// <summary>
/// Access control in the Functions app: App Service authentication's principal header mapped to the API's roles and
/// applicant claim (and refused when missing, garbled, or not trustworthy), and the access matrix of the local host
/// (tests/Shared/AccessMatrix.cs) on every HTTP function, including the employer's ownership of its applications.
/// </summary>
public sealed class AccessControlTests : IAsyncLifetime
{
    const string EmployerA = "0987654394"; // the work-card sample's employer

    const string WorkerPersonNumber = "01070404531"; // the work-card sample's worker

    const string EmployerB = "0412345614";
    const string NoSuchReport = "MR-0000000000000000000000000000000000000000";
    const string NoSuchWithdrawal = "wd-000000000000000000000000";
    const string NoSuchSha256 = "0000000000000000000000000000000000000000000000000000000000000000";

    FunctionsApp app = null!;
    string applicationId = null!;

    public async Task InitializeAsync()
    {
        this.app = FunctionsApp.Create();
        HttpOutcome submitted = await this.InvokeAsync("SubmitApplication", EasyAuth.Header("employer", EmployerA), Sample("work-card.json"));
        Assert.Equal(StatusCodes.Status202Accepted, submitted.Status);
        this.applicationId = submitted.Json.GetProperty("applicationId").GetString()!;
    }

    public async Task DisposeAsync() => await this.app.DisposeAsync();

    [Fact]
    public void A_forwarded_Entra_principal_becomes_the_APIs_roles_applicant_subject_and_display_name_and_nothing_else()
    {
        ClaimsPrincipal user = EasyAuthPrincipal.Read(EasyAuth.Encode(
            "aad",
            ("http://schemas.microsoft.com/identity/claims/objectidentifier", "oid-1"),
            ("name", "A. Person"),
            ("preferred_username", "a.person@example.com"),
            ("roles", "employer"),
            (EasyAuth.RoleType, "inspector"),
            ("roles", "global-admin"),
            ("extn.applicant", "BE0412.345.614")))!;

        Assert.True(user.Identity!.IsAuthenticated);
        Assert.True(user.IsInRole("employer"));
        Assert.True(user.IsInRole("inspector"));
        Assert.False(user.IsInRole("global-admin"));
        Assert.Equal("0412345614", user.FindFirst("applicant")!.Value);
        Assert.Equal("oid-1", user.Identity.Name);
        Assert.Equal("A. Person", user.FindFirst("name")!.Value); // for the audit log: who did what
        Assert.Equal(["applicant", "name", "role", "role", "sub"], user.Claims.Select(c => c.Type).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("applicant", "0412345614", "0412345614")]
    [InlineData("extension_applicant", "0412345614", "0412345614")]
    [InlineData("extension_0123456789abcdef0123456789abcdef_applicant", "0412.345.614", "0412345614")]
    [InlineData("applicant", "self:SE-2026-0042", "self:SE-2026-0042")]
    [InlineData("applicant", "0412345615", null)] // wrong check digits: grants nothing
    [InlineData("applicant", "self:", null)]
    [InlineData("extension_applicant_x", "0412345614", null)]
    public void The_applicant_claim_is_read_from_the_forms_Entra_emits_and_only_when_valid(string type, string value, string? expected)
    {
        ClaimsPrincipal user = EasyAuthPrincipal.Read(EasyAuth.Encode("aad", ("roles", "employer"), (type, value)))!;
        Assert.Equal(expected, user.FindFirst("applicant")?.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64 at all!")]
    [InlineData("bm90IGpzb24=")] // "not json"
    [InlineData("eyJjbGFpbXMiOm51bGx9")] // {"claims":null}
    public void A_missing_or_garbled_principal_is_no_principal(string? header) =>
        Assert.Null(EasyAuthPrincipal.Read(header));

    [Fact]
    public void Only_an_Entra_ID_principal_is_accepted_and_an_oversized_header_is_not_read()
    {
        Assert.Null(EasyAuthPrincipal.Read(EasyAuth.Encode("google", ("roles", "manager"))));
        Assert.Null(EasyAuthPrincipal.Read(EasyAuth.Encode("aad", [("roles", "manager"), .. Enumerable.Repeat(("x", new string('x', 1000)), 40)])));
        Assert.NotNull(EasyAuthPrincipal.Read(EasyAuth.Encode("AAD", ("roles", "manager"))));
    }

    [Fact]
    public async Task Without_a_principal_or_with_a_garbled_one_a_protected_function_answers_a_401_problem_that_names_no_reason()
    {
        foreach (string? header in new[] { null, "garbled", EasyAuth.Encode("twitter", ("roles", "caseworker")), EasyAuth.Encode("aad", ("roles", "caseworker")) + "x" })
        {
            HttpOutcome outcome = await this.InvokeAsync("GetWorklist", header);
            AssertBareChallenge(outcome);
        }
    }

    /// <summary>A 401 as both hosts answer it: the fixed problem, and the challenge without error or description.</summary>
    static void AssertBareChallenge(HttpOutcome outcome)
    {
        Assert.Equal(StatusCodes.Status401Unauthorized, outcome.Status);
        Assert.Equal("application/problem+json", outcome.ContentType);
        Assert.Equal("Bearer", Assert.Single(outcome.Headers.WWWAuthenticate));
        Assert.Equal(AccessProblems.NoValidIdentity, outcome.Json.GetProperty("detail").GetString());
        Assert.Equal("Not authenticated.", outcome.Json.GetProperty("title").GetString());
    }

    [Fact]
    public async Task When_App_Service_authentication_is_not_on_the_header_is_not_trusted_and_every_protected_call_is_refused()
    {
        await using FunctionsApp unprotected = FunctionsApp.Create(new Dictionary<string, string?> { ["WEBSITE_AUTH_ENABLED"] = null });
        (TestFunctionContext context, DefaultHttpContext http) = unprotected.Invocation("GET", "/api/worklist", principal: EasyAuth.Header("caseworker"));
        await using (context)
        {
            HttpOutcome outcome = await HttpOutcome.ExecuteAsync(await PermitHttpFunctions.GetWorklist(http.Request, context, CancellationToken.None), http);
            AssertBareChallenge(outcome);
        }
    }

    [Fact]
    public async Task Every_HTTP_function_admits_exactly_the_roles_of_the_matrix()
    {
        var wrong = new List<string>();
        foreach (AccessRow row in AccessMatrix.Api)
        {
            foreach (string? role in AccessMatrix.Roles.Append(null))
            {
                string? header = role is null ? null
                    : role == AccessMatrix.Worker ? EasyAuth.Header(role, WorkerPersonNumber, applicantClaim: "person")
                    : EasyAuth.Header(role, role == AccessMatrix.Employer ? EmployerA : null);
                HttpOutcome outcome = await this.InvokeAsync(row.Name, header);
                int? refusal = row.Anonymous || (role is not null && row.Allowed.Contains(role)) ? null : role is null ? 401 : 403;
                string cell = $"{row} as {role ?? "nobody"}";
                if (refusal is null && outcome.Status is 401 or 403)
                {
                    wrong.Add($"{cell}: refused with {outcome.Status}, expected to be allowed");
                }
                else if (refusal is not null && (outcome.Status != refusal || outcome.ContentType != "application/problem+json"))
                {
                    wrong.Add($"{cell}: {outcome.Status} {outcome.ContentType}, expected a {refusal} problem");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void The_matrix_names_every_HTTP_function_of_the_API_and_asks_the_host_for_no_function_key()
    {
        // Not the API: the pages, the runbook's admin commands (master key) and the health check (anonymous, like the local /healthz).
        FunctionEntry[] api = [.. FunctionCatalog.All.Where(f => f.Trigger is HttpTriggerAttribute { AuthLevel: not AuthorizationLevel.Admin } t && t.Route!.StartsWith("api/", StringComparison.Ordinal) && f.Name != "Health")];
        Assert.Equal(AccessMatrix.Api.Select(r => r.Name).Order(StringComparer.Ordinal), api.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.All(api, f => Assert.Equal(AuthorizationLevel.Anonymous, ((HttpTriggerAttribute)f.Trigger!).AuthLevel));
    }

    [Fact]
    public async Task An_employer_reaches_only_its_own_applications_and_submits_only_for_itself()
    {
        string own = EasyAuth.Header("employer", EmployerA);
        string other = EasyAuth.Header("employer", EmployerB);
        Assert.Equal(StatusCodes.Status200OK, (await this.InvokeAsync("GetApplication", own)).Status);

        foreach (string function in new[] { "GetApplication", "GetDecisionLetter", "SupplyDocuments", "PayFee" })
        {
            HttpOutcome foreign = await this.InvokeAsync(function, other);
            Assert.Equal(StatusCodes.Status404NotFound, foreign.Status);
            Assert.Equal("application/problem+json", foreign.ContentType);
        }

        int scheduled = this.app.Client.Scheduled.Count;
        var application = System.Text.Json.Nodes.JsonNode.Parse(Sample("work-card.json"))!.AsObject();
        application["submissionId"] = "FOREIGN-1";
        string body = application.ToJsonString();
        HttpOutcome refused = await this.InvokeAsync("SubmitApplication", other, body);
        Assert.Equal(StatusCodes.Status403Forbidden, refused.Status);
        Assert.Equal("application/problem+json", refused.ContentType);
        Assert.Equal(scheduled, this.app.Client.Scheduled.Count);
        Assert.Null(await this.app.Ledger.GetAsync(ApplicationIds.Derive(EmployerA, "FOREIGN-1"), CancellationToken.None));
    }

    [Fact]
    public async Task A_change_to_the_exclusion_registry_needs_an_identified_person()
    {
        string anonymousManager = EasyAuth.Encode("aad", ("roles", "manager")); // a role, but no object id: no subject
        foreach (string function in new[] { "ProposeExclusion", "ConfirmExclusion", "LiftExclusion", "CorrectExclusion", "ConfirmExclusionChange" })
        {
            HttpOutcome refused = await this.InvokeAsync(function, anonymousManager);
            Assert.Equal(StatusCodes.Status403Forbidden, refused.Status);
            Assert.Contains("identified person", refused.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(StatusCodes.Status200OK, (await this.InvokeAsync("GetExclusions", anonymousManager)).Status);
    }

    static string Sample(string name) => File.ReadAllText(Path.Combine(RepositoryPaths.Samples, name));

    /// <summary>
    /// Calls the function of that name as the worker would, with the row's dummy input: this test's application, an
    /// empty JSON body (or <paramref name="json"/>), and for the webhook a signed message for no application.
    /// </summary>
    async Task<HttpOutcome> InvokeAsync(string name, string? principal, string? json = null)
    {
        FunctionEntry function = FunctionCatalog.All.Single(f => f.Name == name);
        var trigger = (HttpTriggerAttribute)function.Trigger!;
        string method = trigger.Methods![0].ToUpperInvariant();
        string id = this.applicationId ?? ApplicationIds.Derive(EmployerA, "NONE");
        if (name == "ReceiveFederalMessage")
        {
            string unknown = ApplicationIds.Derive(EmployerB, "NO-SUCH-APPLICATION");
            json = $$"""{"messageId":"m-{{Guid.NewGuid():N}}","kind":"decision","applicationId":"{{unknown}}","handoffId":"{{unknown}}-h1","decision":"approved","reasonCodes":[]}""";
        }

        json ??= method is "POST" or "PUT" ? "{}" : null;
        string path = "/" + trigger.Route!.Replace("{id}", id, StringComparison.Ordinal).Replace("{requestId}", "TP-1", StringComparison.Ordinal)
            .Replace("{kind}", "documents", StringComparison.Ordinal).Replace("{commandId}", "C-1", StringComparison.Ordinal)
            .Replace("{exclusionId}", "EXC-1", StringComparison.Ordinal).Replace("{changeId}", "CHG-1", StringComparison.Ordinal)
            .Replace("{type}", "passport", StringComparison.Ordinal).Replace("{sha256}", NoSuchSha256, StringComparison.Ordinal)
            .Replace("{reference}", NoSuchReport, StringComparison.Ordinal)
            .Replace("{withdrawalId}", NoSuchWithdrawal, StringComparison.Ordinal).Replace("{letter}", "hearing-invitation", StringComparison.Ordinal);
        (TestFunctionContext context, DefaultHttpContext http) = this.app.Invocation(method, path, json, principal: principal);
        await using (context)
        {
            if (name == "ReceiveFederalMessage")
            {
                (string timestamp, string signature) = FederalWebhookSignature.Sign(Encoding.UTF8.GetBytes(json!), FunctionsApp.WebhookSecret, DateTimeOffset.UtcNow);
                http.Request.Headers[FederalWebhookSignature.TimestampHeader] = timestamp;
                http.Request.Headers[FederalWebhookSignature.SignatureHeader] = signature;
            }

            if (name == "ReceivePaymentEvent")
            {
                (string timestamp, string signature) = WebhookSignature.Sign(Encoding.UTF8.GetBytes(json!), FunctionsApp.PaymentSecret, DateTimeOffset.UtcNow);
                http.Request.Headers[PaymentCallbacks.TimestampHeader] = timestamp;
                http.Request.Headers[PaymentCallbacks.SignatureHeader] = signature;
            }

            object?[] arguments = [.. function.Method.GetParameters().Select<ParameterInfo, object?>(p => p.ParameterType switch
            {
                Type t when t == typeof(HttpRequest) => http.Request,
                Type t when t == typeof(FunctionContext) => context,
                Type t when t == typeof(DurableTaskClient) => this.app.Client,
                Type t when t == typeof(CancellationToken) => CancellationToken.None,
                Type t when t == typeof(string) && p.Name == "id" => id,
                Type t when t == typeof(string) && p.Name == "requestId" => "TP-1",
                Type t when t == typeof(string) && p.Name == "kind" => "documents",
                Type t when t == typeof(string) && p.Name == "commandId" => "C-1",
                Type t when t == typeof(string) && p.Name == "exclusionId" => "EXC-1",
                Type t when t == typeof(string) && p.Name == "changeId" => "CHG-1",
                Type t when t == typeof(string) && p.Name == "type" => "passport",
                Type t when t == typeof(string) && p.Name == "sha256" => NoSuchSha256,
                Type t when t == typeof(string) && p.Name == "reference" => NoSuchReport,
                Type t when t == typeof(string) && p.Name == "withdrawalId" => NoSuchWithdrawal,
                Type t when t == typeof(string) && p.Name == "letter" => "hearing-invitation",
                _ => throw new InvalidOperationException($"{name}: no value for parameter {p.Name}"),
            })];
            object? returned = function.Method.Invoke(null, arguments);
            IResult result = returned is Task<IResult> task ? await task : (IResult)returned!;
            return await HttpOutcome.ExecuteAsync(result, http);
        }
    }
}
