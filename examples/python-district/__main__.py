"""Lincoln Unified School District in Python: the same setup as examples/entra-district, through
the chatgpt-identity component package (see README.md here for `pulumi package add`)."""

import pulumi
import pulumi_chatgpt_identity as chatgpt_identity

config = pulumi.Config()

identity = chatgpt_identity.Identity(
    "identity",
    name="Lincoln Unified School District",
    idp="entra",
    phase="pilot",
    domains=[
        chatgpt_identity.DomainInputArgs(
            name="lincoln.k12.us",
            verification_token="openai-domain-verification=dv-lincoln-0001",
        ),
        chatgpt_identity.DomainInputArgs(
            name="staff.lincoln.k12.us",
            verification_token="openai-domain-verification=dv-lincoln-staff-0002",
        ),
    ],
    dns=chatgpt_identity.DnsInputArgs(adapter="manual"),
    sso=chatgpt_identity.SsoInputArgs(
        stage="testing",
        entity_id="https://auth.openai.com/saml/entity/lincoln",
        acs_url="https://auth.openai.com/sso/saml/acs/lincoln",
        api_platform_sso_enabled=True,
        test_users=[
            "it.pilot@lincoln.k12.us",
            "teacher.pilot@lincoln.k12.us",
            "office.pilot@staff.lincoln.k12.us",
        ],
    ),
    scim=chatgpt_identity.ScimInputArgs(
        enabled=True,
        base_url="https://api.openai.com/scim/v2/lincoln",
    ),
    groups=[
        chatgpt_identity.GroupInputArgs(usage="ROLLOUT", dimension="ROLE", group="Teachers"),
        chatgpt_identity.GroupInputArgs(usage="ROLLOUT", dimension="ROLE", group="Staff"),
    ],
    scim_token=config.require_secret("scimToken"),
)

pulumi.export("txtRecords", identity.txt_records)
pulumi.export("dnsHandoff", identity.dns_handoff)
pulumi.export("ssoMetadataUrl", identity.sso_metadata_url)
pulumi.export("scimManualSteps", identity.scim_manual_steps)
