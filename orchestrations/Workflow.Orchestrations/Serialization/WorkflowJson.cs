using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflow.Orchestrations.Serialization;

/// <summary>
/// The one pinned serializer configuration for orchestration inputs, outputs, events, custom status and the API
/// (docs/design.md, known difference (b) between the hosts): both hosts must use it, or in-flight instances break on a host change.
/// Changing it is a breaking change for in-flight workflows.
/// </summary>
public static class WorkflowJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
