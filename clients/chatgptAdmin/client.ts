import { ChatGptAdminApiError } from "./errors";
import {
    ChatGptAdminClientOptions,
    CreateInviteInput,
    LimitRule,
    UsageLimit,
    WorkspaceGroup,
    WorkspaceInvite,
    WorkspaceUser,
} from "./types";

/** Skeleton: the surface of the shared contract (BRIEF.md); the bodies land in the next commits. */
export class ChatGptAdminClient {
    constructor(private readonly options: ChatGptAdminClientOptions) {}

    private notYet(route: string): never {
        throw new ChatGptAdminApiError({ kind: "invalid_request", route, detail: "not implemented yet" });
    }

    async listUsers(): Promise<WorkspaceUser[]> {
        return this.notYet("GET /users");
    }
    async listGroups(): Promise<WorkspaceGroup[]> {
        return this.notYet("GET /groups");
    }
    async listGroupUsers(_groupId: string): Promise<WorkspaceUser[]> {
        return this.notYet("GET /groups/{group_id}/users");
    }
    async listInvites(): Promise<WorkspaceInvite[]> {
        return this.notYet("GET /invites");
    }
    async createInvite(_input: CreateInviteInput): Promise<WorkspaceInvite> {
        return this.notYet("POST /invites");
    }
    async deleteInvite(_inviteId: string): Promise<void> {
        return this.notYet("DELETE /invites/{invite_id}");
    }
    async getWorkspaceUsageLimit(): Promise<UsageLimit> {
        return this.notYet("GET /usage_limits/workspace");
    }
    async setWorkspaceUsageLimit(_rule: LimitRule | null): Promise<UsageLimit> {
        return this.notYet("PATCH /usage_limits/workspace");
    }
    async getGroupUsageLimit(_groupId: string): Promise<UsageLimit> {
        return this.notYet("GET /usage_limits/groups/{group_id}");
    }
    async setGroupUsageLimit(_groupId: string, _rule: LimitRule | null): Promise<UsageLimit> {
        return this.notYet("PATCH /usage_limits/groups/{group_id}");
    }
}
