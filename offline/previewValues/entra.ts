import { FakeInvokes, FakeOutputs } from "../recordingEngine";
import { USER_APP_ROLE_ID } from "../../components/entra/appRoles";

/**
 * Values Entra would compute, for the offline `plan` and the tests. Everything Entra assigns is a
 * visible placeholder (`<object id of ROLLOUT_ROLE_Teachers>`, `<tenant id>`), never a made-up GUID.
 * The only real GUIDs are the app roles every non-gallery app publishes (see appRoles.ts).
 */

const appObjectId = (displayName: string) => `<application object id of ${displayName}>`;
const spObjectId = (displayName: string) => `<service principal object id of ${displayName}>`;

/** The roles of the non-gallery template, as Graph returns them (value null, so the provider maps none). */
export const NON_GALLERY_APP_ROLES = [
    {
        allowedMemberTypes: ["User"],
        description: "User",
        displayName: "User",
        enabled: true,
        id: USER_APP_ROLE_ID,
        value: "",
    },
    {
        allowedMemberTypes: ["User"],
        description: "msiam_access",
        displayName: "msiam_access",
        enabled: true,
        id: "b9632174-c057-4f7e-951b-be3adc52bfe6",
        value: "",
    },
];

export const entraFakeOutputs: FakeOutputs = {
    "azuread:index/applicationFromTemplate:ApplicationFromTemplate": (inputs) => ({
        applicationObjectId: appObjectId(inputs.displayName),
        applicationId: `/applications/${appObjectId(inputs.displayName)}`,
        servicePrincipalObjectId: spObjectId(inputs.displayName),
        servicePrincipalId: `/servicePrincipals/${spObjectId(inputs.displayName)}`,
    }),
    "azuread:index/servicePrincipal:ServicePrincipal": (inputs) => ({
        objectId: spObjectId(/^<client id of (.*)>$/.exec(String(inputs.clientId))?.[1] ?? `client ${inputs.clientId}`),
        appRoles: NON_GALLERY_APP_ROLES,
        appRoleIds: {},
    }),
    "azuread:index/servicePrincipalTokenSigningCertificate:ServicePrincipalTokenSigningCertificate": (inputs) => ({
        thumbprint: `<thumbprint of ${inputs.displayName}>`,
        keyId: `<key id of ${inputs.displayName}>`,
        startDate: "<issue date>",
        endDate: "<issue date + 3 years>",
    }),
    "azuread:index/applicationIdentifierUri:ApplicationIdentifierUri": (inputs) => ({
        identifierUri: inputs.identifierUri,
    }),
    "azuread:index/group:Group": (inputs) => ({ objectId: `<object id of ${inputs.displayName}>` }),
};

export const entraFakeInvokes: FakeInvokes = {
    "azuread:index/getClientConfig:getClientConfig": () => ({
        id: "<client config>",
        tenantId: "<tenant id>",
        clientId: "<client id of the deploying principal>",
        objectId: "<object id of the deploying principal>",
    }),
    "azuread:index/getApplication:getApplication": (inputs) => {
        const objectId = String(inputs.objectId ?? "");
        const named = /^<application object id of (.*)>$/.exec(objectId);
        return {
            id: `/applications/${objectId}`,
            objectId,
            clientId: named ? `<client id of ${named[1]}>` : `<client id of application ${objectId}>`,
        };
    },
    "azuread:index/getUsers:getUsers": (inputs) => {
        const upns: string[] = inputs.userPrincipalNames ?? [];
        const users = upns.map((u) => ({
            userPrincipalName: u,
            objectId: `<object id of ${u}>`,
            mail: u,
            displayName: u,
            accountEnabled: true,
        }));
        return {
            id: "<users>",
            userPrincipalNames: upns,
            objectIds: users.map((u) => u.objectId),
            mails: upns,
            mailNicknames: [],
            employeeIds: [],
            users,
        };
    },
};
