using Crm.Sdk.Templates;

namespace Crm.Host.Templates;

public sealed class DocumentRenderer(TemplateStore store) : IDocumentRenderer
{
    public async Task<string> RenderAsync(string moduleId, string templateName, object model, CancellationToken cancellationToken)
    {
        var template = await store.FindAsync(moduleId, templateName, cancellationToken)
            ?? throw new TemplateRenderException($"no template \"{templateName}\" in module \"{moduleId}\"");
        return SandboxedRenderer.Render(template.CurrentText, model);
    }
}
