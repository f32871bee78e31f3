using Microsoft.AspNetCore.Http;
using Workflow.Application.Web;
using Workflow.Functions.Http;
using Workflow.Functions.Tests.Support;

namespace Workflow.Functions.Tests;

/// <summary>The pages in the Functions app: the same embedded files as the local host, signing in through App Service authentication.</summary>
public sealed class PageFunctionTests : IAsyncLifetime
{
    FunctionsApp app = null!;

    public Task InitializeAsync()
    {
        this.app = FunctionsApp.Create();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await this.app.DisposeAsync();

    async Task<HttpOutcome> GetAsync(string path)
    {
        (TestFunctionContext context, DefaultHttpContext http) = this.app.Invocation("GET", "/" + path);
        await using (context)
        {
            return await HttpOutcome.ExecuteAsync(PageFunctions.Serve(http.Request, path), http);
        }
    }

    [Theory]
    [InlineData("", "text/html; charset=utf-8")]
    [InlineData("workbench/", "text/html; charset=utf-8")]
    [InlineData("portal/portal.js", "text/javascript; charset=utf-8")]
    public async Task The_pages_are_served_with_their_security_headers(string path, string contentType)
    {
        HttpOutcome outcome = await this.GetAsync(path);

        Assert.Equal(StatusCodes.Status200OK, outcome.Status);
        Assert.Equal(contentType, outcome.ContentType);
        Assert.Equal(Pages.ContentSecurityPolicy, outcome.Headers.ContentSecurityPolicy.ToString());
        Assert.Equal(System.Text.Encoding.UTF8.GetString(Pages.Find(path)!.Content), outcome.Body);
    }

    [Fact]
    public async Task The_pages_sign_in_through_App_Service_authentication_here()
    {
        HttpOutcome outcome = await this.GetAsync("ui/config.json");

        Assert.Equal("""{"signIn":"app-service"}""", outcome.Body);
    }

    [Fact]
    public async Task Anything_that_is_not_a_page_is_a_404_problem_and_a_bare_section_redirects()
    {
        HttpOutcome missing = await this.GetAsync("admin/secrets");
        Assert.Equal(StatusCodes.Status404NotFound, missing.Status);

        HttpOutcome bare = await this.GetAsync("portal");
        Assert.Equal(StatusCodes.Status302Found, bare.Status);
        Assert.Equal("/portal/", bare.Headers.Location.ToString());
    }
}
