using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.IdentityModel.Tokens;
using Workflow.Application.Access;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.LocalHost;
using Workflow.Orchestrations.Domain;
using Workflow.Tests.Shared;

namespace Workflow.FunctionalTests.Api;

/// <summary>
/// Issue 5, access control, on a real local host over HTTP: every endpoint against every role and without a token
/// (allowed: anything but 401/403, since the dummy input may still be a 400, 404 or 409; refused: exactly 401 without
/// a valid token, exactly 403 for another role, as problem+json), every kind of bad token, and the employer's
/// ownership of its applications. The host has its own task hub; its one application is a work card of employer A,
/// decided, so its letter exists.
/// </summary>
public sealed class AccessControlTests(AccessControlTests.Fixture fixture) : IClassFixture<AccessControlTests.Fixture>
{
    const string EmployerA = "0987654394"; // the work-card sample's employer
    const string EmployerB = "0412345614";

    public sealed class Fixture : IAsyncLifetime
    {
        internal PermitHost Host { get; private set; } = null!;

        /// <summary>Employer A's work card, closed with a decision letter.</summary>
        public string ApplicationId { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            this.Host = await PermitHost.StartAsync();
            this.ApplicationId = await this.Host.Api.SubmitAsync(Samples.Load(Samples.WorkCard));
            await this.Host.Api.WaitForStageAsync(this.ApplicationId, "awaiting-decision");
            await this.Host.Api.DecideAsync(this.ApplicationId, "approve");
            await this.Host.Api.WaitForStageAsync(this.ApplicationId, "closed");
        }

        public async Task DisposeAsync() => await this.Host.DisposeAsync();
    }

    static IEnumerable<AccessRow> Rows => AccessMatrix.Api.Concat(AccessMatrix.Pages).Concat(AccessMatrix.LocalOnly);

    [Fact]
    public async Task Every_endpoint_admits_exactly_its_roles_and_refuses_the_others_with_403()
    {
        var wrong = new List<string>();
        foreach (AccessRow row in Rows)
        {
            foreach (string role in AccessMatrix.Roles)
            {
                using HttpResponseMessage response = await this.SendAsync(row, Token(role));
                bool allowed = row.Anonymous || row.Allowed.Contains(role);
                await Check(wrong, $"{row} as {role}", response, allowed ? null : HttpStatusCode.Forbidden);
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public async Task Without_a_valid_token_every_protected_endpoint_answers_401_and_the_anonymous_ones_answer()
    {
        var now = DateTimeOffset.UtcNow;
        string key = PermitHostOptions.SigningKey;
        var badTokens = new (string What, Func<string, string?> Token)[]
        {
            ("no token", _ => null),
            ("not a JWT", _ => "not-a-token"),
            ("an expired token", role => LocalTokens.Issue(key, role, Applicant(role), "t", TimeSpan.FromHours(1), now.AddHours(-2))),
            ("another audience", role => LocalTokens.Issue(key, role, Applicant(role), "t", TimeSpan.FromHours(1), now, audience: "another-api")),
            ("another issuer", role => LocalTokens.Issue(key, role, Applicant(role), "t", TimeSpan.FromHours(1), now, issuer: "someone-else")),
            ("another key", role => LocalTokens.Issue("an-attacker-guessing-the-signing-key-0001", role, Applicant(role), "t", TimeSpan.FromHours(1), now)),
            ("no signature (alg none)", role => Unsigned(role, now)),
        };

        var wrong = new List<string>();
        foreach (AccessRow row in Rows)
        {
            foreach ((string what, Func<string, string?> token) in badTokens)
            {
                // The token is of a role the endpoint admits: only the token is wrong.
                using HttpResponseMessage response = await this.SendAsync(row, token(row.Allowed[0]));
                HttpStatusCode? expected = row.Anonymous ? null : HttpStatusCode.Unauthorized;
                await Check(wrong, $"{row} with {what}", response, expected);
                if (expected == HttpStatusCode.Unauthorized && !response.Headers.WwwAuthenticate.Any(h => h.Scheme == "Bearer"))
                {
                    wrong.Add($"{row} with {what}: no WWW-Authenticate: Bearer challenge");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public async Task A_refused_token_is_told_only_to_bring_a_valid_one_never_why_the_validator_refused_it()
    {
        var now = DateTimeOffset.UtcNow;
        string key = PermitHostOptions.SigningKey;
        var refusedTokens = new (string What, string Token)[]
        {
            ("an expired token", LocalTokens.Issue(key, Roles.Manager, null, "t", TimeSpan.FromHours(1), now.AddHours(-2))),
            ("a forged token", LocalTokens.Issue("an-attacker-guessing-the-signing-key-0001", Roles.Manager, null, "t", TimeSpan.FromHours(1), now)),
            ("another audience", LocalTokens.Issue(key, Roles.Manager, null, "t", TimeSpan.FromHours(1), now, audience: "another-api")),
            ("another issuer", LocalTokens.Issue(key, Roles.Manager, null, "t", TimeSpan.FromHours(1), now, issuer: "someone-else")),
            ("no signature (alg none)", Unsigned(Roles.Manager, now)),
            ("not a JWT", "not-a-token"),
        };

        // What JwtBearer would otherwise tell (error="invalid_token", error_description="The signature key was not found", IDX codes).
        string[] reasons = ["error", "invalid", "expired", "lifetime", "signature", "key", "audience", "issuer", "IDX", "alg"];
        foreach ((string what, string token) in refusedTokens)
        {
            using HttpResponseMessage response = await Send(fixture.Host.Api.Http, "GET", "/api/alerts", null, token);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal(["Bearer"], response.Headers.GetValues("WWW-Authenticate"));
            JsonElement problem = await ApiClient.ProblemAsync(response);
            Assert.Equal(AccessProblems.NoValidIdentity, problem.GetProperty("detail").GetString());
            Assert.Equal("Not authenticated.", problem.GetProperty("title").GetString());

            string told = string.Join('\n', response.Headers.Concat(response.Content.Headers).Select(h => $"{h.Key}: {string.Join(", ", h.Value)}"))
                + '\n' + problem.GetRawText().Replace(AccessProblems.NoValidIdentity, string.Empty, StringComparison.Ordinal);
            Assert.True(
                !reasons.Any(r => told.Contains(r, StringComparison.OrdinalIgnoreCase)),
                $"{what}: the answer tells why the token was refused:\n{told}");
        }
    }

    [Fact]
    public async Task An_employer_reaches_its_own_application_and_another_employers_not_even_by_its_existence()
    {
        string id = fixture.ApplicationId;
        ApiClient own = fixture.Host.Api.As(AccessMatrix.Employer, EmployerA);
        ApiClient other = fixture.Host.Api.As(AccessMatrix.Employer, EmployerB);
        ApiClient unknownApplicant = fixture.Host.Api.As(AccessMatrix.Employer);

        using (HttpResponseMessage status = await own.Http.GetAsync($"/api/applications/{id}"))
        using (HttpResponseMessage letter = await own.Http.GetAsync($"/api/applications/{id}/letter"))
        using (HttpResponseMessage documents = await own.PostJsonAsync($"/api/applications/{id}/documents", new JsonObject()))
        {
            Assert.Equal(HttpStatusCode.OK, status.StatusCode);
            Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
            // Past the ownership check: the application is closed (409) or the body empty (400), not someone else's (404).
            Assert.True(documents.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.BadRequest, $"documents answered {(int)documents.StatusCode}");
        }

        string unknown = ApplicationIds.Derive(EmployerB, "NEVER-SUBMITTED");
        foreach (ApiClient stranger in new[] { other, unknownApplicant })
        {
            foreach ((string method, string path) in new[]
            {
                ("GET", $"/api/applications/{id}"), ("GET", $"/api/applications/{id}/letter"),
                ("POST", $"/api/applications/{id}/documents"), ("POST", $"/api/applications/{id}/payments"),
            })
            {
                string? body = method == "POST" ? "{}" : null;
                using HttpResponseMessage foreign = await Send(stranger.Http, method, path, body);
                using HttpResponseMessage missing = await Send(stranger.Http, method, path.Replace(id, unknown, StringComparison.Ordinal), body);
                Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
                string foreignDetail = (await ApiClient.ProblemAsync(foreign)).GetProperty("detail").GetString()!;
                string missingDetail = (await ApiClient.ProblemAsync(missing)).GetProperty("detail").GetString()!;
                Assert.Equal(missingDetail.Replace(unknown, "ID", StringComparison.Ordinal), foreignDetail.Replace(id, "ID", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public async Task An_employer_submits_only_for_its_own_applicant_key_and_a_refused_submission_stores_nothing()
    {
        JsonObject application = Samples.Load(Samples.WorkCard, a => a["submissionId"] = "ACCESS-FOREIGN-1");
        string wouldBe = ApplicationIds.Derive(EmployerA, "ACCESS-FOREIGN-1");

        foreach (ApiClient stranger in new[] { fixture.Host.Api.As(AccessMatrix.Employer, EmployerB), fixture.Host.Api.As(AccessMatrix.Employer) })
        {
            using HttpResponseMessage refused = await stranger.PostJsonAsync("/api/applications", application);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal(403, (await ApiClient.ProblemAsync(refused)).GetProperty("status").GetInt32());
        }

        using HttpResponseMessage status = await fixture.Host.Api.As(AccessMatrix.Caseworker).Http.GetAsync($"/api/applications/{wouldBe}");
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
        Assert.Null(await fixture.Host.Engine.GetInstanceAsync(wouldBe));

        // The key in the token may be written as people write KBO numbers.
        using HttpResponseMessage accepted = await fixture.Host.Api.As(AccessMatrix.Employer, "BE0987.654.394").PostJsonAsync("/api/applications", application);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        await Scenario.EndAsync(fixture.Host, wouldBe);
    }

    [Fact]
    public async Task A_self_employed_applicant_acts_under_its_self_reference()
    {
        JsonObject card = Samples.Load(Samples.ProfessionalCard, a => a["submissionId"] = "ACCESS-SELF-1");
        ApiClient self = fixture.Host.Api.AsApplicant(card);
        Assert.StartsWith("self:", ApiClient.ApplicantKey(card), StringComparison.Ordinal);

        string id = await self.SubmitAsync(card);
        try
        {
            using HttpResponseMessage mine = await self.Http.GetAsync($"/api/applications/{id}");
            using HttpResponseMessage theirs = await fixture.Host.Api.As(AccessMatrix.Employer, EmployerA).Http.GetAsync($"/api/applications/{id}");
            Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        }
        finally
        {
            await Scenario.EndAsync(fixture.Host, id);
        }
    }

    [Fact]
    public async Task The_matrix_names_every_endpoint_of_the_host()
    {
        WebApplication app = PermitLocalHost.Build(["--port", "0", $"--Auth:SigningKey={PermitHostOptions.SigningKey}"]);
        string[] served;
        await using (app)
        {
            served = [.. ((IEndpointRouteBuilder)app).DataSources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
                .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} /{e.RoutePattern.RawText!.Trim('/')}"))
                .Order(StringComparer.Ordinal)];
        }

        Assert.Equal(served, Rows.Select(r => r.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_dev_command_issues_a_token_the_host_accepts()
    {
        using Process process = Process.Start(HostProcess.ProgramStart(["issue-token", "--role", "manager", "--hours", "1", $"--Auth:SigningKey={PermitHostOptions.SigningKey}"]))!;
        string token = (await process.StandardOutput.ReadToEndAsync()).Trim();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());

        using HttpResponseMessage alerts = await Send(fixture.Host.Api.Http, "GET", "/api/alerts", null, token);
        using HttpResponseMessage worklist = await Send(fixture.Host.Api.Http, "GET", "/api/worklist", null, token);
        using HttpResponseMessage decision = await Send(fixture.Host.Api.Http, "POST", $"/api/applications/{fixture.ApplicationId}/decision", "{}", token);
        Assert.Equal(HttpStatusCode.OK, alerts.StatusCode);
        Assert.Equal(HttpStatusCode.OK, worklist.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, decision.StatusCode);
    }

    /// <summary>A valid token of <paramref name="role"/>.</summary>
    static string Token(string role) =>
        LocalTokens.Issue(
            PermitHostOptions.SigningKey, role, Applicant(role), $"matrix-{role}", TimeSpan.FromHours(1), DateTimeOffset.UtcNow,
            person: role == AccessMatrix.Worker ? "01070404531" : null); // a worker: the work-card sample's

    /// <summary>Employer A for an employer token, so that its application is its own.</summary>
    static string? Applicant(string role) => role == AccessMatrix.Employer ? EmployerA : null;

    /// <summary>The row's request with dummy input: employer A's application, an empty JSON body, or a signed federal message for no application.</summary>
    async Task<HttpResponseMessage> SendAsync(AccessRow row, string? token)
    {
        string path = row.Route.Replace("{id}", fixture.ApplicationId, StringComparison.Ordinal).Replace("{requestId}", "TP-1", StringComparison.Ordinal)
            .Replace("{kind}", "documents", StringComparison.Ordinal).Replace("{commandId}", "C-1", StringComparison.Ordinal)
            .Replace("{providerPaymentId}", "psp_none", StringComparison.Ordinal)
            .Replace("{exclusionId}", "EXC-1", StringComparison.Ordinal).Replace("{changeId}", "CHG-1", StringComparison.Ordinal)
            .Replace("{type}", "passport", StringComparison.Ordinal).Replace("{sha256}", new string('0', 64), StringComparison.Ordinal)
            .Replace("{reference}", "MR-" + new string('0', 40), StringComparison.Ordinal)
            .Replace("{withdrawalId}", "wd-" + new string('0', 24), StringComparison.Ordinal).Replace("{letter}", "hearing-invitation", StringComparison.Ordinal);
        if (row.Name is not ("ReceiveFederalMessage" or "ReceivePaymentEvent"))
        {
            return await Send(fixture.Host.Api.Http, row.Method, path, row.Method is "POST" or "PUT" ? "{}" : null, token);
        }

        // The webhooks are signed instead: a well-signed message for nothing known gets past authentication (404), a token changes nothing.
        string unknown = ApplicationIds.Derive(EmployerB, "NO-SUCH-APPLICATION");
        using var party = new ApiClient(new HttpClient { BaseAddress = fixture.Host.Api.Http.BaseAddress });
        if (token is not null)
        {
            party.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return row.Name == "ReceiveFederalMessage"
            ? await party.PostFederalAsync($$"""{"messageId":"m-{{Guid.NewGuid():N}}","kind":"decision","applicationId":"{{unknown}}","handoffId":"{{unknown}}-h1","decision":"approved","reasonCodes":[]}""")
            : await party.PostPaymentEventAsync($$"""{"eventId":"evt-{{Guid.NewGuid():N}}","type":"succeeded","applicationId":"{{unknown}}","paymentId":"PAY-1","providerPaymentId":"psp_none","amount":200.00,"currency":"EUR"}""");
    }

    static async Task<HttpResponseMessage> Send(HttpClient http, string method, string path, string? json, string? token = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await http.SendAsync(request);
    }

    /// <summary>Records a cell that does not answer as expected: <paramref name="refusal"/> exactly (as problem+json), or anything but 401/403.</summary>
    static async Task Check(List<string> wrong, string cell, HttpResponseMessage response, HttpStatusCode? refusal)
    {
        HttpStatusCode status = response.StatusCode;
        if (refusal is null)
        {
            if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                wrong.Add($"{cell}: refused with {(int)status}, expected to be allowed");
            }

            return;
        }

        if (status != refusal)
        {
            wrong.Add($"{cell}: {(int)status}, expected {(int)refusal}");
            return;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            wrong.Add($"{cell}: {(int)status} as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}, expected application/problem+json");
            return;
        }

        using JsonDocument problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        if (problem.RootElement.GetProperty("status").GetInt32() != (int)refusal)
        {
            wrong.Add($"{cell}: problem status {problem.RootElement.GetProperty("status")}");
        }
    }

    /// <summary>A token with <c>alg: none</c> and no signature, otherwise valid: it must be refused.</summary>
    static string Unsigned(string role, DateTimeOffset now)
    {
        string header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        string payload = Base64UrlEncoder.Encode(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["iss"] = LocalTokens.Issuer,
            ["aud"] = LocalTokens.Audience,
            ["role"] = role,
            ["sub"] = "t",
            ["applicant"] = EmployerA,
            ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
        }));
        return $"{header}.{payload}.";
    }
}
