namespace Crm.Sdk.Templates;

/// <summary>
/// A Scriban template shipped as an embedded resource of the module assembly. <paramref name="ResourceName"/> is the
/// manifest resource name; administrators may override the text in the browser.
/// </summary>
public sealed record DocumentTemplate(string Name, string TitleKey, string ResourceName);

/// <summary>Renders a module's document template in a sandbox: limited loops, recursion and output; only the model's data is visible.</summary>
public interface IDocumentRenderer
{
    /// <summary>Renders the current text of the template (an administrator's override, else the module's default).</summary>
    Task<string> RenderAsync(string moduleId, string templateName, object model, CancellationToken cancellationToken);
}

/// <summary>A template that does not parse, or hit a sandbox limit while rendering; the message says where.</summary>
public sealed class TemplateRenderException(string message) : Exception(message);
