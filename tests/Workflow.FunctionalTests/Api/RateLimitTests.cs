using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Workflow.Application.Access;
using Workflow.Application.Federal;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.LocalHost;
using Workflow.Orchestrations.Domain;

namespace Workflow.FunctionalTests.Api;

/// <summary>
/// Per-caller rate limits on a real local host with tight budgets (the suite's other hosts set budgets no test
/// reaches): a caller is its token's subject, or its address when anonymous; one over budget gets a 429 problem with
/// Retry-After while others go on as before; submissions and uploads have a budget of their own; health and OpenAPI
/// are never limited. Each test is its own caller, so the order of the tests does not matter.
/// </summary>
public sealed class RateLimitTests(RateLimitTests.Fixture fixture) : IClassFixture<RateLimitTests.Fixture>
{
    const int RequestBudget = 5;
    const int SubmissionBudget = 2;

    public sealed class Fixture : IAsyncLifetime
    {
        internal PermitHost Host { get; private set; } = null!;

        public async Task InitializeAsync() => this.Host = await PermitHost.StartAsync(new PermitHostOptions
        {
            Extra = new Dictionary<string, string?>
            {
                ["RateLimits:Requests:TokenLimit"] = $"{RequestBudget}",
                ["RateLimits:Requests:TokensPerPeriod"] = $"{RequestBudget}",
                ["RateLimits:Requests:ReplenishmentPeriod"] = "01:00:00",
                ["RateLimits:Submissions:TokenLimit"] = $"{SubmissionBudget}",
                ["RateLimits:Submissions:TokensPerPeriod"] = $"{SubmissionBudget}",
                ["RateLimits:Submissions:ReplenishmentPeriod"] = "01:00:00",
            },
        });

        public async Task DisposeAsync() => await this.Host.DisposeAsync();
    }

    [Fact]
    public async Task A_caller_over_its_budget_gets_a_429_problem_with_Retry_After_and_another_caller_at_the_same_time_does_not()
    {
        string first = Token(Roles.Caseworker, "rate-caseworker-1");
        string second = Token(Roles.Caseworker, "rate-caseworker-2");

        for (int call = 0; call < RequestBudget; call++)
        {
            using HttpResponseMessage within = await this.SendAsync("GET", "/api/worklist", first);
            Assert.Equal(HttpStatusCode.OK, within.StatusCode);
        }

        using (HttpResponseMessage over = await this.SendAsync("GET", "/api/worklist", first))
        {
            await AssertThrottledAsync(over);
        }

        // At the same time, from the same address: another caller's budget is untouched, on every endpoint.
        string[] paths = ["/api/worklist", "/api/sla/peak-periods", "/api/exclusions", "/api/decision-grounds", "/api/worklist"];
        foreach (string path in paths)
        {
            using HttpResponseMessage other = await this.SendAsync("GET", path, second);
            Assert.True(other.StatusCode == HttpStatusCode.OK, $"{path} answered the other caller {(int)other.StatusCode}");
        }

        using (HttpResponseMessage still = await this.SendAsync("GET", "/api/sla/peak-periods", first))
        {
            await AssertThrottledAsync(still);
        }
    }

    [Fact]
    public async Task Submissions_and_uploads_take_from_a_tighter_budget_of_their_own()
    {
        const string employer = "0412345614";
        string token = Token(Roles.Employer, "rate-employer-1", employer);
        string unknown = ApplicationIds.Derive(employer, "NEVER-SUBMITTED");
        for (int call = 0; call < SubmissionBudget; call++)
        {
            // An invalid body: answered as before (400), stores nothing.
            using HttpResponseMessage within = await this.SendAsync("POST", "/api/applications", token, "{}");
            Assert.Equal(HttpStatusCode.BadRequest, within.StatusCode);
        }

        using (HttpResponseMessage submission = await this.SendAsync("POST", "/api/applications", token, "{}"))
        {
            await AssertThrottledAsync(submission);
        }

        using (HttpResponseMessage upload = await this.SendAsync("POST", $"/api/applications/{unknown}/documents", token, "{}"))
        {
            await AssertThrottledAsync(upload);
        }

        // The employer's other calls take from its general budget, still full.
        using HttpResponseMessage status = await this.SendAsync("GET", $"/api/applications/{unknown}", token);
        using HttpResponseMessage payment = await this.SendAsync("POST", $"/api/applications/{unknown}/payments", token, "{}");
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, payment.StatusCode);
    }

    [Fact]
    public async Task Anonymous_calls_take_from_the_addresss_budget_public_and_refused_alike_and_health_and_OpenAPI_are_never_limited()
    {
        for (int call = 0; call < RequestBudget; call++)
        {
            using HttpResponseMessage within = await this.SendAsync("GET", "/api/decision-grounds", token: null);
            Assert.Equal(HttpStatusCode.OK, within.StatusCode);
        }

        using (HttpResponseMessage grounds = await this.SendAsync("GET", "/api/decision-grounds", token: null))
        {
            await AssertThrottledAsync(grounds);
        }

        // The signed webhook and calls without a valid token are anonymous too: the same address, the same budget.
        using (HttpResponseMessage federal = await this.PostFederalAsync())
        {
            await AssertThrottledAsync(federal);
        }

        using (HttpResponseMessage refused = await this.SendAsync("GET", "/api/worklist", "not-a-token"))
        {
            await AssertThrottledAsync(refused);
        }

        // Health and the API description stay open, however often asked.
        for (int call = 0; call < 3 * RequestBudget; call++)
        {
            using HttpResponseMessage health = await this.SendAsync("GET", "/healthz", token: null);
            using HttpResponseMessage openApi = await this.SendAsync("GET", "/api/openapi.json", token: null);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        }

        // A signed-in caller at the same address has a budget of its own.
        using HttpResponseMessage signedIn = await this.SendAsync("GET", "/api/decision-grounds", Token(Roles.Manager, "rate-manager-1"));
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    static string Token(string role, string subject, string? applicant = null) =>
        LocalTokens.Issue(PermitHostOptions.SigningKey, role, applicant, subject, TimeSpan.FromHours(1), DateTimeOffset.UtcNow);

    static async Task AssertThrottledAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        JsonElement problem = await ApiClient.ProblemAsync(response);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        TimeSpan retryAfter = response.Headers.RetryAfter?.Delta ?? throw new InvalidOperationException("No Retry-After in seconds.");
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
    }

    async Task<HttpResponseMessage> SendAsync(string method, string path, string? token, string? json = null)
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

        return await fixture.Host.Api.Http.SendAsync(request);
    }

    /// <summary>A signed federal message for no application (404 when it gets through).</summary>
    Task<HttpResponseMessage> PostFederalAsync()
    {
        string unknown = ApplicationIds.Derive("0412345614", "NO-SUCH-APPLICATION");
        string body = $$"""{"messageId":"m-{{Guid.NewGuid():N}}","kind":"decision","applicationId":"{{unknown}}","handoffId":"{{unknown}}-h1","decision":"approved","reasonCodes":[]}""";
        (string timestamp, string signature) = FederalWebhookSignature.Sign(Encoding.UTF8.GetBytes(body), PermitHostOptions.WebhookSecret, DateTimeOffset.UtcNow);
        var content = new StringContent(body, Encoding.UTF8, "application/json");
        content.Headers.Add(FederalWebhookSignature.TimestampHeader, timestamp);
        content.Headers.Add(FederalWebhookSignature.SignatureHeader, signature);
        return fixture.Host.Api.Http.PostAsync("/api/federal/decisions", content);
    }
}
