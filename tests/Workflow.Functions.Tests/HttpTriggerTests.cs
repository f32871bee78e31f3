using System.Text;
using Microsoft.AspNetCore.Http;
using Workflow.Application.Federal;
using Workflow.Functions.Http;
using Workflow.Functions.Tests.Support;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Workflows.PermitApplication;

namespace Workflow.Functions.Tests;

/// <summary>
/// The HTTP-triggered functions called directly, as the ASP.NET Core integration calls them: a real
/// <see cref="DefaultHttpContext"/>, the app's own container (ports in memory), the <c>[DurableClient]</c> binding's
/// client faked; the returned result is executed on the context and the status code, headers and body checked.
/// </summary>
public sealed class HttpTriggerTests : IAsyncLifetime
{
    FunctionsApp app = null!;

    public Task InitializeAsync()
    {
        this.app = FunctionsApp.Create();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await this.app.DisposeAsync();

    static string Sample(string name) => File.ReadAllText(Path.Combine(RepositoryPaths.Samples, name));

    [Fact]
    public async Task A_valid_submission_is_accepted_with_202_and_a_Location_and_schedules_the_workflow_with_dedupe_statuses()
    {
        HttpOutcome outcome = await this.SubmitAsync(Sample("highly-skilled.json"));

        Assert.Equal(StatusCodes.Status202Accepted, outcome.Status);
        string id = outcome.Json.GetProperty("applicationId").GetString()!;
        Assert.True(ApplicationIds.IsWellFormed(id));
        Assert.Equal($"/api/applications/{id}", outcome.Headers.Location.ToString());
        Assert.Equal($"/api/applications/{id}", outcome.Json.GetProperty("statusUrl").GetString());
        Assert.False(outcome.Json.GetProperty("repeated").GetBoolean());

        var scheduled = Assert.Single(this.app.Client.Scheduled);
        Assert.Equal(nameof(PermitApplicationOrchestrator), scheduled.Name.Name);
        Assert.Equal(id, scheduled.Options!.InstanceId);
        Assert.NotEmpty(scheduled.Options.DedupeStatuses!); // docs/design.md, known difference (a): never overwrite an instance
    }

    [Fact]
    public async Task The_same_submission_again_returns_200_with_the_existing_application()
    {
        HttpOutcome first = await this.SubmitAsync(Sample("work-card.json"));
        HttpOutcome again = await this.SubmitAsync(Sample("work-card.json"));

        Assert.Equal(StatusCodes.Status202Accepted, first.Status);
        Assert.Equal(StatusCodes.Status200OK, again.Status);
        Assert.True(again.Json.GetProperty("repeated").GetBoolean());
        Assert.Equal(first.Json.GetProperty("applicationId").GetString(), again.Json.GetProperty("applicationId").GetString());
        Assert.Single(this.app.Client.Scheduled);
    }

    [Fact]
    public async Task An_invalid_submission_is_a_400_validation_problem_and_stores_nothing()
    {
        HttpOutcome outcome = await this.SubmitAsync("{}");

        Assert.Equal(StatusCodes.Status400BadRequest, outcome.Status);
        Assert.Equal("application/problem+json", outcome.ContentType);
        Assert.Equal(400, outcome.Json.GetProperty("status").GetInt32());
        Assert.True(outcome.Json.GetProperty("errors").EnumerateObject().Any());
        Assert.Empty(this.app.Client.Scheduled);
        Assert.Empty(this.app.AuditLog.Entries);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415_problem()
    {
        HttpOutcome outcome = await this.SubmitAsync("submissionId=1", contentType: "application/x-www-form-urlencoded");

        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, outcome.Status);
        Assert.Equal("application/problem+json", outcome.ContentType);
    }

    [Fact]
    public async Task An_unknown_application_is_a_404_problem()
    {
        string id = ApplicationIds.Derive("0412345614", "NEVER-SUBMITTED");
        (TestFunctionContext context, DefaultHttpContext http) = this.app.Invocation("GET", $"/api/applications/{id}", principal: EasyAuth.Header("caseworker"));
        await using (context)
        {
            HttpOutcome outcome = await HttpOutcome.ExecuteAsync(
                await PermitHttpFunctions.GetApplication(http.Request, id, context, CancellationToken.None), http);

            Assert.Equal(StatusCodes.Status404NotFound, outcome.Status);
            Assert.Equal("application/problem+json", outcome.ContentType);
            Assert.Contains(id, outcome.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_malformed_id_is_a_404_problem_that_does_not_echo_a_long_value()
    {
        string id = new('x', 500);
        (TestFunctionContext context, DefaultHttpContext http) = this.app.Invocation("POST", "/api/applications/x/payments", "{}", principal: EasyAuth.Header("employer", "0412345614"));
        await using (context)
        {
            HttpOutcome outcome = await HttpOutcome.ExecuteAsync(
                await PermitHttpFunctions.PayFee(http.Request, id, this.app.Client, context, CancellationToken.None), http);

            Assert.Equal(StatusCodes.Status404NotFound, outcome.Status);
            Assert.DoesNotContain(id, outcome.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_command_for_an_unknown_application_is_a_404_problem()
    {
        string id = ApplicationIds.Derive("0412345614", "NEVER-SUBMITTED");
        (TestFunctionContext context, DefaultHttpContext http) = this.app.Invocation(
            "POST", $"/api/applications/{id}/payments", """{"paymentId":"PAY-1","amount":200.00,"currency":"EUR"}""", principal: EasyAuth.Header("employer", "0412345614"));
        await using (context)
        {
            HttpOutcome outcome = await HttpOutcome.ExecuteAsync(
                await PermitHttpFunctions.PayFee(http.Request, id, this.app.Client, context, CancellationToken.None), http);

            Assert.Equal(StatusCodes.Status404NotFound, outcome.Status);
            Assert.Empty(this.app.Client.Raised);
        }
    }

    [Fact]
    public async Task The_status_of_a_submitted_application_is_200()
    {
        HttpOutcome submitted = await this.SubmitAsync(Sample("highly-skilled.json"));
        string id = submitted.Json.GetProperty("applicationId").GetString()!;
        (TestFunctionContext context, DefaultHttpContext http) = this.app.Invocation("GET", $"/api/applications/{id}", principal: EasyAuth.Header("caseworker"));
        await using (context)
        {
            HttpOutcome outcome = await HttpOutcome.ExecuteAsync(
                await PermitHttpFunctions.GetApplication(http.Request, id, context, CancellationToken.None), http);

            Assert.Equal(StatusCodes.Status200OK, outcome.Status);
            Assert.Equal(id, outcome.Json.GetProperty("applicationId").GetString());
            Assert.Equal("highly-skilled", outcome.Json.GetProperty("category").GetString());
        }
    }

    [Fact]
    public async Task The_decision_grounds_are_listed()
    {
        (TestFunctionContext context, DefaultHttpContext http) = this.app.Invocation("GET", "/api/decision-grounds");
        await using (context)
        {
            HttpOutcome outcome = await HttpOutcome.ExecuteAsync(await PermitHttpFunctions.GetDecisionGrounds(http.Request, context), http);

            Assert.Equal(StatusCodes.Status200OK, outcome.Status);
            Assert.Equal(DecisionGrounds.All.Count, outcome.Json.GetArrayLength());
        }
    }

    [Fact]
    public async Task A_signed_but_malformed_federal_message_is_a_400_problem()
    {
        HttpOutcome outcome = await this.FederalAsync("""{"messageId":"dvz-1","kind":"decision"}""", sign: true);

        Assert.Equal(StatusCodes.Status400BadRequest, outcome.Status);
        Assert.Equal("application/problem+json", outcome.ContentType);
        Assert.Empty(this.app.Client.Raised);
    }

    [Fact]
    public async Task A_signed_federal_message_for_an_unknown_application_is_a_404_problem()
    {
        string id = ApplicationIds.Derive("0412345614", "NEVER-SUBMITTED");
        HttpOutcome outcome = await this.FederalAsync(
            $$"""{"messageId":"dvz-1","kind":"decision","applicationId":"{{id}}","handoffId":"{{id}}-h1","decision":"approved","reasonCodes":[]}""",
            sign: true);

        Assert.Equal(StatusCodes.Status404NotFound, outcome.Status);
        Assert.Empty(this.app.Client.Raised);
    }

    [Fact]
    public async Task An_unsigned_or_badly_signed_federal_message_is_a_401_problem()
    {
        HttpOutcome unsigned = await this.FederalAsync("""{"messageId":"dvz-1","kind":"decision"}""", sign: false);
        HttpOutcome forged = await this.FederalAsync("""{"messageId":"dvz-1","kind":"decision"}""", sign: false, signature: "sha256=" + new string('0', 64));

        Assert.Equal(StatusCodes.Status401Unauthorized, unsigned.Status);
        Assert.Equal(StatusCodes.Status401Unauthorized, forged.Status);
        Assert.Equal("application/problem+json", forged.ContentType);
    }

    [Fact]
    public async Task A_federal_message_that_is_not_json_is_a_415_problem()
    {
        HttpOutcome outcome = await this.FederalAsync("decision", sign: true, contentType: "text/plain");
        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, outcome.Status);
    }

    [Fact]
    public async Task An_oversized_federal_message_is_a_413_problem_even_without_a_content_length()
    {
        string json = "{\"messageId\":\"" + new string('a', 20_000) + "\"}";
        (TestFunctionContext context, DefaultHttpContext http) = this.app.Invocation("POST", "/api/federal/decisions", json);
        await using (context)
        {
            http.Request.ContentLength = null;
            HttpOutcome outcome = await HttpOutcome.ExecuteAsync(
                await PermitHttpFunctions.ReceiveFederalMessage(http.Request, this.app.Client, context, CancellationToken.None), http);

            Assert.Equal(StatusCodes.Status413PayloadTooLarge, outcome.Status);
        }
    }

    [Fact]
    public async Task Peak_periods_are_replaced_and_listed()
    {
        (TestFunctionContext put, DefaultHttpContext putHttp) = this.app.Invocation(
            "PUT", "/api/sla/peak-periods", """{"periods":[{"from":"2026-07-01","to":"2026-08-31","label":"summer"}]}""", principal: EasyAuth.Header("manager"));
        await using (put)
        {
            HttpOutcome replaced = await HttpOutcome.ExecuteAsync(
                await PermitHttpFunctions.ReplacePeakPeriods(putHttp.Request, put, CancellationToken.None), putHttp);
            Assert.Equal(StatusCodes.Status200OK, replaced.Status);
        }

        (TestFunctionContext get, DefaultHttpContext getHttp) = this.app.Invocation("GET", "/api/sla/peak-periods", principal: EasyAuth.Header("manager"));
        await using (get)
        {
            HttpOutcome listed = await HttpOutcome.ExecuteAsync(
                await PermitHttpFunctions.GetPeakPeriods(getHttp.Request, get, CancellationToken.None), getHttp);
            Assert.Equal(StatusCodes.Status200OK, listed.Status);
            Assert.Equal("2026-07-01", listed.Json.GetProperty("periods")[0].GetProperty("from").GetString());
        }
    }

    [Fact]
    public async Task The_worklist_answers_a_page_and_the_alerts_a_list_with_200()
    {
        (TestFunctionContext worklist, DefaultHttpContext worklistHttp) = this.app.Invocation("GET", "/api/worklist", principal: EasyAuth.Header("caseworker"));
        await using (worklist)
        {
            worklistHttp.Request.QueryString = new QueryString("?pageSize=10");
            HttpOutcome outcome = await HttpOutcome.ExecuteAsync(await PermitHttpFunctions.GetWorklist(worklistHttp.Request, worklist, CancellationToken.None), worklistHttp);
            Assert.Equal(StatusCodes.Status200OK, outcome.Status);
            Assert.Equal(0, outcome.Json.GetProperty("items").GetArrayLength());
        }

        (TestFunctionContext badPage, DefaultHttpContext badPageHttp) = this.app.Invocation("GET", "/api/worklist", principal: EasyAuth.Header("caseworker"));
        await using (badPage)
        {
            badPageHttp.Request.QueryString = new QueryString("?pageSize=100000");
            HttpOutcome outcome = await HttpOutcome.ExecuteAsync(await PermitHttpFunctions.GetWorklist(badPageHttp.Request, badPage, CancellationToken.None), badPageHttp);
            Assert.Equal(StatusCodes.Status400BadRequest, outcome.Status);
        }

        (TestFunctionContext alerts, DefaultHttpContext alertsHttp) = this.app.Invocation("GET", "/api/alerts", principal: EasyAuth.Header("manager"));
        await using (alerts)
        {
            alertsHttp.Request.QueryString = new QueryString($"?applicationId={ApplicationIds.Derive("0412345614", "NONE")}");
            HttpOutcome outcome = await HttpOutcome.ExecuteAsync(await PermitHttpFunctions.GetAlerts(alertsHttp.Request, alerts, CancellationToken.None), alertsHttp);
            Assert.Equal(StatusCodes.Status200OK, outcome.Status);
            Assert.Equal(0, outcome.Json.GetProperty("items").GetArrayLength());
        }
    }

    /// <summary>Submits as the employer the body names (any employer for a body that names none).</summary>
    async Task<HttpOutcome> SubmitAsync(string json, string contentType = "application/json")
    {
        string applicant = json.Contains("\"kbo\"", StringComparison.Ordinal)
            ? System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("employer").GetProperty("kbo").GetString()!
            : "0412345614";
        (TestFunctionContext context, DefaultHttpContext http) = this.app.Invocation("POST", "/api/applications", json, contentType, EasyAuth.Header("employer", applicant));
        await using (context)
        {
            return await HttpOutcome.ExecuteAsync(
                await PermitHttpFunctions.SubmitApplication(http.Request, this.app.Client, context, CancellationToken.None), http);
        }
    }

    async Task<HttpOutcome> FederalAsync(string json, bool sign, string? signature = null, string contentType = "application/json")
    {
        (TestFunctionContext context, DefaultHttpContext http) = this.app.Invocation("POST", "/api/federal/decisions", json, contentType);
        await using (context)
        {
            (string timestamp, string signed) = FederalWebhookSignature.Sign(Encoding.UTF8.GetBytes(json), FunctionsApp.WebhookSecret, DateTimeOffset.UtcNow);
            if (sign || signature is not null)
            {
                http.Request.Headers[FederalWebhookSignature.TimestampHeader] = timestamp;
                http.Request.Headers[FederalWebhookSignature.SignatureHeader] = sign ? signed : signature;
            }

            return await HttpOutcome.ExecuteAsync(
                await PermitHttpFunctions.ReceiveFederalMessage(http.Request, this.app.Client, context, CancellationToken.None), http);
        }
    }
}
