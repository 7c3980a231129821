export { OktaIdentity, IDENTITY_TYPE } from "./oktaIdentity";
export {
    OktaSamlApp,
    SAML_APP_TYPE,
    lookupTestUserIds,
    signingKeyName,
    SAML_NAME_ID_FORMAT_EMAIL,
    SAML_ATTRIBUTE_NAMESPACE,
    SIGNING_KEY_YEARS_VALID,
} from "./samlApp";
export type { OktaSamlAppArgs } from "./samlApp";
export { OktaScimApp, SCIM_APP_TYPE, SCIM_APP_SIGN_ON } from "./scimApp";
export type { OktaScimAppArgs } from "./scimApp";
export { scimManualSteps, userNameTemplate } from "./scimManualSteps";
export type { ScimManualStepsInput } from "./scimManualSteps";
export { OktaAccessGroups, ACCESS_GROUPS_TYPE, DEFAULT_GROUP_DESCRIPTION } from "./accessGroups";
export type { OktaAccessGroupsArgs } from "./accessGroups";
export { oktaClaimSources, DEFAULT_OKTA_CLAIM_SOURCES } from "./claims";
export type { OktaClaimSources } from "./claims";
