import * as pulumi from "@pulumi/pulumi";
import * as azuread from "@pulumi/azuread";

/** Entra's "non-gallery application" template: an empty enterprise app (application + service principal). */
export const NON_GALLERY_TEMPLATE_ID = "8adf8e6e-67b2-4cf2-a259-e3dc5476c621";

export interface EnterpriseAppSpec {
    /** Display name of the application and its service principal. */
    displayName: string;
    /** Settings of the adopted service principal (everything but the client id and adoption flag). */
    servicePrincipal: Omit<azuread.ServicePrincipalArgs, "clientId" | "useExisting">;
}

export interface EnterpriseApp {
    application: azuread.ApplicationFromTemplate;
    /** The application's client (app) id, read back from the created application. */
    clientId: pulumi.Output<string>;
    /** The service principal the template created, adopted so that its settings are managed. */
    servicePrincipal: azuread.ServicePrincipal;
}

/**
 * Instantiates the non-gallery template and adopts the service principal it created
 * (`useExisting: true`; a second service principal cannot exist for the same app). Children are
 * `${name}-app` and `${name}-sp`. `ApplicationFromTemplate` does not output the client id, so it is
 * read back with one `getApplication` lookup by object id.
 */
export function createEnterpriseApp(parent: pulumi.Resource, name: string, spec: EnterpriseAppSpec): EnterpriseApp {
    const application = new azuread.ApplicationFromTemplate(
        `${name}-app`,
        {
            displayName: spec.displayName,
            templateId: NON_GALLERY_TEMPLATE_ID,
        },
        { parent },
    );
    const clientId = azuread.getApplicationOutput({ objectId: application.applicationObjectId }, { parent }).clientId;
    const servicePrincipal = new azuread.ServicePrincipal(
        `${name}-sp`,
        {
            ...spec.servicePrincipal,
            clientId,
            useExisting: true,
        },
        { parent },
    );
    return { application, clientId, servicePrincipal };
}
