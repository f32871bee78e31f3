using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Workflow.Application.Federal;
using Workflow.Functions.Http;
using Workflow.Functions.Tests.Support;
using Workflow.Orchestrations.Domain;

namespace Workflow.Functions.Tests;

/// <summary>
/// The per-caller rate limits in the Functions app (the same definition as the local host's, checked in FunctionAccess
/// before the handler): tight budgets here, so a few calls reach them. A caller is its Entra object id, or its remote
/// address when anonymous; one caller over budget gets a 429 problem with Retry-After, and nobody else notices.
/// </summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    const int RequestBudget = 3;
    const int SubmissionBudget = 2;

    FunctionsApp app = null!;

    public Task InitializeAsync()
    {
        this.app = FunctionsApp.Create(new Dictionary<string, string?>
        {
            ["RateLimits:Requests:TokenLimit"] = $"{RequestBudget}",
            ["RateLimits:Requests:TokensPerPeriod"] = $"{RequestBudget}",
            ["RateLimits:Requests:ReplenishmentPeriod"] = "01:00:00",
            ["RateLimits:Submissions:TokenLimit"] = $"{SubmissionBudget}",
            ["RateLimits:Submissions:TokensPerPeriod"] = $"{SubmissionBudget}",
            ["RateLimits:Submissions:ReplenishmentPeriod"] = "01:00:00",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await this.app.DisposeAsync();

    [Fact]
    public async Task A_caller_over_its_budget_gets_a_429_problem_with_Retry_After_and_another_caller_at_the_same_time_does_not()
    {
        string first = EasyAuth.Header("caseworker", objectId: "00000000-0000-0000-0000-0000000000a1");
        string second = EasyAuth.Header("caseworker", objectId: "00000000-0000-0000-0000-0000000000b2");

        for (int call = 0; call < RequestBudget; call++)
        {
            Assert.Equal(StatusCodes.Status200OK, (await this.WorklistAsync(first)).Status);
        }

        AssertThrottled(await this.WorklistAsync(first));
        for (int call = 0; call < RequestBudget; call++)
        {
            Assert.Equal(StatusCodes.Status200OK, (await this.WorklistAsync(second)).Status);
        }

        AssertThrottled(await this.WorklistAsync(first));
    }

    [Fact]
    public async Task Submissions_and_uploads_take_from_a_tighter_budget_of_their_own()
    {
        string employer = EasyAuth.Header("employer", "0412345614", objectId: "00000000-0000-0000-0000-0000000000e1");
        string id = ApplicationIds.Derive("0412345614", "NEVER-SUBMITTED");
        for (int call = 0; call < SubmissionBudget; call++)
        {
            Assert.Equal(StatusCodes.Status400BadRequest, (await this.CallAsync("POST", "/api/applications", employer, null, "{}", (r, c) => PermitHttpFunctions.SubmitApplication(r, this.app.Client, c, CancellationToken.None))).Status);
        }

        AssertThrottled(await this.CallAsync("POST", "/api/applications", employer, null, "{}", (r, c) => PermitHttpFunctions.SubmitApplication(r, this.app.Client, c, CancellationToken.None)));
        AssertThrottled(await this.CallAsync("POST", $"/api/applications/{id}/documents", employer, null, "{}", (r, c) => PermitHttpFunctions.SupplyDocuments(r, id, this.app.Client, c, CancellationToken.None)));

        // Its other calls take from the general budget, untouched.
        HttpOutcome status = await this.CallAsync("GET", $"/api/applications/{id}", employer, null, null, (r, c) => PermitHttpFunctions.GetApplication(r, id, c, CancellationToken.None));
        Assert.Equal(StatusCodes.Status404NotFound, status.Status);
        Assert.Empty(this.app.Client.Scheduled);
    }

    [Fact]
    public async Task Anonymous_calls_take_from_their_remote_address_budget_the_public_ones_and_the_refused_ones_alike()
    {
        const string address = "203.0.113.7";
        for (int call = 0; call < RequestBudget; call++)
        {
            Assert.Equal(StatusCodes.Status200OK, (await this.DecisionGroundsAsync(address)).Status);
        }

        AssertThrottled(await this.DecisionGroundsAsync(address));
        AssertThrottled(await this.FederalAsync(address));
        AssertThrottled(await this.WorklistAsync(principal: null, address));

        // Another address, and a signed-in caller at the first address, have budgets of their own.
        Assert.Equal(StatusCodes.Status200OK, (await this.DecisionGroundsAsync("198.51.100.9")).Status);
        Assert.Equal(StatusCodes.Status404NotFound, (await this.FederalAsync("198.51.100.9")).Status);
        Assert.Equal(StatusCodes.Status401Unauthorized, (await this.WorklistAsync(principal: null, "198.51.100.9")).Status);
        Assert.Equal(StatusCodes.Status200OK, (await this.WorklistAsync(EasyAuth.Header("manager", objectId: "00000000-0000-0000-0000-0000000000c3"), address)).Status);
    }

    [Fact]
    public async Task Anonymous_misuse_reports_take_from_the_submissions_budget_of_their_address()
    {
        const string address = "203.0.113.44";
        for (int call = 0; call < SubmissionBudget; call++)
        {
            Assert.Equal(StatusCodes.Status400BadRequest, (await this.ReportAsync(address)).Status);
        }

        AssertThrottled(await this.ReportAsync(address));
        Assert.Equal(StatusCodes.Status400BadRequest, (await this.ReportAsync("198.51.100.44")).Status);
        Assert.Empty(this.app.Client.Scheduled);
    }

    Task<HttpOutcome> ReportAsync(string address) =>
        this.CallAsync("POST", "/api/reports", null, address, "{}", (r, c) => ReportHttpFunctions.SubmitMisuseReport(r, this.app.Client, c, CancellationToken.None));

    [Fact]
    public async Task Addresses_of_one_IPv6_network_share_a_budget()
    {
        for (int call = 0; call < RequestBudget; call++)
        {
            Assert.Equal(StatusCodes.Status200OK, (await this.DecisionGroundsAsync($"2001:db8:1:2::{call + 1:x}")).Status);
        }

        AssertThrottled(await this.DecisionGroundsAsync("2001:db8:1:2:ffff::9"));
        Assert.Equal(StatusCodes.Status200OK, (await this.DecisionGroundsAsync("2001:db8:1:3::1")).Status);
    }

    static void AssertThrottled(HttpOutcome outcome)
    {
        Assert.Equal(StatusCodes.Status429TooManyRequests, outcome.Status);
        Assert.Equal("application/problem+json", outcome.ContentType);
        Assert.Equal(429, outcome.Json.GetProperty("status").GetInt32());
        int retryAfter = int.Parse(outcome.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 3600);
    }

    Task<HttpOutcome> WorklistAsync(string? principal, string? address = null) =>
        this.CallAsync("GET", "/api/worklist", principal, address, null, (r, c) => PermitHttpFunctions.GetWorklist(r, c, CancellationToken.None));

    Task<HttpOutcome> DecisionGroundsAsync(string address) =>
        this.CallAsync("GET", "/api/decision-grounds", null, address, null, PermitHttpFunctions.GetDecisionGrounds);

    /// <summary>A signed federal message for no application: 404 when it gets through.</summary>
    async Task<HttpOutcome> FederalAsync(string address)
    {
        string unknown = ApplicationIds.Derive("0412345614", "NO-SUCH-APPLICATION");
        string json = $$"""{"messageId":"m-{{Guid.NewGuid():N}}","kind":"decision","applicationId":"{{unknown}}","handoffId":"{{unknown}}-h1","decision":"approved","reasonCodes":[]}""";
        (string timestamp, string signature) = FederalWebhookSignature.Sign(Encoding.UTF8.GetBytes(json), FunctionsApp.WebhookSecret, DateTimeOffset.UtcNow);
        return await this.CallAsync("POST", "/api/federal/decisions", null, address, json, (request, context) =>
        {
            request.Headers[FederalWebhookSignature.TimestampHeader] = timestamp;
            request.Headers[FederalWebhookSignature.SignatureHeader] = signature;
            return PermitHttpFunctions.ReceiveFederalMessage(request, this.app.Client, context, CancellationToken.None);
        });
    }

    async Task<HttpOutcome> CallAsync(string method, string path, string? principal, string? address, string? json, Func<HttpRequest, FunctionContext, Task<IResult>> function)
    {
        (TestFunctionContext context, DefaultHttpContext http) = this.app.Invocation(method, path, json, principal: principal);
        await using (context)
        {
            http.Connection.RemoteIpAddress = IPAddress.Parse(address ?? "192.0.2.1");
            return await HttpOutcome.ExecuteAsync(await function(http.Request, context), http);
        }
    }
}
