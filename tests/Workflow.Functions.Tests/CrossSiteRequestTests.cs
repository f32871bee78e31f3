using Microsoft.AspNetCore.Http;
using Workflow.Application.Access;
using Workflow.Functions.Http;
using Workflow.Functions.Tests.Support;

namespace Workflow.Functions.Tests;

/// <summary>
/// In Azure the pages ride on App Service authentication's session cookie, which a browser also sends with a form
/// another site posts: such a change is refused before its handler runs; reads, bearer calls and same-origin pages pass.
/// </summary>
public sealed class CrossSiteRequestTests : IAsyncLifetime
{
    FunctionsApp app = null!;

    public Task InitializeAsync()
    {
        this.app = FunctionsApp.Create();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await this.app.DisposeAsync();

    [Theory]
    [InlineData("POST", null, "cross-site", null, true)]
    [InlineData("POST", null, "same-site", null, true)] // a sibling subdomain is another site's page for this purpose
    [InlineData("PUT", null, null, "https://evil.example", true)]
    [InlineData("DELETE", null, null, "null", true)] // a sandboxed frame's opaque origin
    [InlineData("POST", null, "same-origin", "https://permits.example", false)]
    [InlineData("POST", null, "none", null, false)]
    [InlineData("POST", null, null, "https://permits.example", false)]
    [InlineData("POST", null, null, null, false)] // no browser: a client that sends neither header
    [InlineData("POST", "Bearer eyJ", "cross-site", "https://evil.example", false)] // a bearer token is never sent by the browser on its own
    [InlineData("GET", null, "cross-site", "https://evil.example", false)]
    [InlineData("HEAD", null, "cross-site", null, false)]
    public void A_change_riding_on_the_cookie_must_come_from_this_origin(string method, string? authorization, string? fetchSite, string? origin, bool refused)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = method;
        http.Request.Host = new HostString("permits.example");
        if (authorization is not null)
        {
            http.Request.Headers.Authorization = authorization;
        }

        if (fetchSite is not null)
        {
            http.Request.Headers["Sec-Fetch-Site"] = fetchSite;
        }

        if (origin is not null)
        {
            http.Request.Headers.Origin = origin;
        }

        Assert.Equal(refused, CrossSiteRequests.Refuses(http.Request));
    }

    [Fact]
    public async Task A_claim_posted_from_another_sites_page_is_refused_before_its_handler_and_one_from_the_workbench_runs()
    {
        var (context, http) = this.app.Invocation("POST", "/api/applications/wp-x/assignment/claim", principal: EasyAuth.Header("caseworker"));
        http.Request.Headers["Sec-Fetch-Site"] = "cross-site";
        bool ran = false;
        IResult answer = await FunctionAccess.RunAsync(http.Request, context, AccessPolicies.CaseworkersAndManagers, _ => Run(ref ran));
        await answer.ExecuteAsync(http);
        Assert.False(ran);
        Assert.Equal(StatusCodes.Status403Forbidden, http.Response.StatusCode);
        Assert.Equal("application/problem+json", http.Response.ContentType);

        (context, http) = this.app.Invocation("POST", "/api/applications/wp-x/assignment/claim", principal: EasyAuth.Header("caseworker"));
        http.Request.Headers["Sec-Fetch-Site"] = "same-origin";
        answer = await FunctionAccess.RunAsync(http.Request, context, AccessPolicies.CaseworkersAndManagers, _ => Run(ref ran));
        Assert.True(ran);
        Assert.IsType<Microsoft.AspNetCore.Http.HttpResults.NoContent>(answer);
    }

    static Task<IResult> Run(ref bool ran)
    {
        ran = true;
        return Task.FromResult<IResult>(TypedResults.NoContent());
    }
}
