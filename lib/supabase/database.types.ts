// Generated from supabase/migrations by `npm run db:types` (@supabase/postgres-meta).
// Do not edit: change a migration and run the command again.
export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[];

export type Database = {
  public: {
    Tables: {
      audit_logs: {
        Row: {
          action: string;
          actor_id: string | null;
          actor_kind: string;
          actor_label: string | null;
          created_at: string;
          id: number;
          ip: string | null;
          new_data: Json | null;
          old_data: Json | null;
          organization_id: string;
          record_id: string | null;
          table_name: string;
          user_agent: string | null;
        };
        Insert: {
          action: string;
          actor_id?: string | null;
          actor_kind: string;
          actor_label?: string | null;
          created_at?: string;
          id?: never;
          ip?: string | null;
          new_data?: Json | null;
          old_data?: Json | null;
          organization_id: string;
          record_id?: string | null;
          table_name: string;
          user_agent?: string | null;
        };
        Update: {
          action?: string;
          actor_id?: string | null;
          actor_kind?: string;
          actor_label?: string | null;
          created_at?: string;
          id?: never;
          ip?: string | null;
          new_data?: Json | null;
          old_data?: Json | null;
          organization_id?: string;
          record_id?: string | null;
          table_name?: string;
          user_agent?: string | null;
        };
        Relationships: [
          {
            foreignKeyName: "audit_logs_organization_id_fkey";
            columns: ["organization_id"];
            referencedRelation: "organizations";
            referencedColumns: ["id"];
          },
        ];
      };
      invitations: {
        Row: {
          accepted_at: string | null;
          accepted_by: string | null;
          created_at: string;
          email: string;
          expires_at: string;
          id: string;
          invited_by: string | null;
          invited_by_platform: boolean;
          organization_id: string;
          revoked_at: string | null;
          role: Database["public"]["Enums"]["org_role"];
          token_hash: string;
          updated_at: string;
        };
        Insert: {
          accepted_at?: string | null;
          accepted_by?: string | null;
          created_at?: string;
          email: string;
          expires_at?: string;
          id?: string;
          invited_by?: string | null;
          invited_by_platform?: boolean;
          organization_id: string;
          revoked_at?: string | null;
          role?: Database["public"]["Enums"]["org_role"];
          token_hash: string;
          updated_at?: string;
        };
        Update: {
          accepted_at?: string | null;
          accepted_by?: string | null;
          created_at?: string;
          email?: string;
          expires_at?: string;
          id?: string;
          invited_by?: string | null;
          invited_by_platform?: boolean;
          organization_id?: string;
          revoked_at?: string | null;
          role?: Database["public"]["Enums"]["org_role"];
          token_hash?: string;
          updated_at?: string;
        };
        Relationships: [
          {
            foreignKeyName: "invitations_organization_id_fkey";
            columns: ["organization_id"];
            referencedRelation: "organizations";
            referencedColumns: ["id"];
          },
        ];
      };
      organization_members: {
        Row: {
          created_at: string;
          id: string;
          organization_id: string;
          role: Database["public"]["Enums"]["org_role"];
          updated_at: string;
          user_id: string;
        };
        Insert: {
          created_at?: string;
          id?: string;
          organization_id: string;
          role?: Database["public"]["Enums"]["org_role"];
          updated_at?: string;
          user_id: string;
        };
        Update: {
          created_at?: string;
          id?: string;
          organization_id?: string;
          role?: Database["public"]["Enums"]["org_role"];
          updated_at?: string;
          user_id?: string;
        };
        Relationships: [
          {
            foreignKeyName: "organization_members_organization_id_fkey";
            columns: ["organization_id"];
            referencedRelation: "organizations";
            referencedColumns: ["id"];
          },
        ];
      };
      organizations: {
        Row: {
          created_at: string;
          deletion_due_at: string | null;
          deletion_requested_by: string | null;
          deletion_scheduled_at: string | null;
          id: string;
          members_can_view_activity: boolean;
          name: string;
          slug: string;
          support_requires_approval: boolean;
          suspended_at: string | null;
          suspension_reason: string | null;
          updated_at: string;
        };
        Insert: {
          created_at?: string;
          deletion_due_at?: string | null;
          deletion_requested_by?: string | null;
          deletion_scheduled_at?: string | null;
          id?: string;
          members_can_view_activity?: boolean;
          name: string;
          slug: string;
          support_requires_approval?: boolean;
          suspended_at?: string | null;
          suspension_reason?: string | null;
          updated_at?: string;
        };
        Update: {
          created_at?: string;
          deletion_due_at?: string | null;
          deletion_requested_by?: string | null;
          deletion_scheduled_at?: string | null;
          id?: string;
          members_can_view_activity?: boolean;
          name?: string;
          slug?: string;
          support_requires_approval?: boolean;
          suspended_at?: string | null;
          suspension_reason?: string | null;
          updated_at?: string;
        };
        Relationships: [];
      };
      plan_limits: {
        Row: {
          limit_value: number | null;
          metric: string;
          plan_id: string;
        };
        Insert: {
          limit_value?: number | null;
          metric: string;
          plan_id: string;
        };
        Update: {
          limit_value?: number | null;
          metric?: string;
          plan_id?: string;
        };
        Relationships: [
          {
            foreignKeyName: "plan_limits_metric_fkey";
            columns: ["metric"];
            referencedRelation: "plan_metrics";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "plan_limits_plan_id_fkey";
            columns: ["plan_id"];
            referencedRelation: "plans";
            referencedColumns: ["id"];
          },
        ];
      };
      plan_metrics: {
        Row: {
          counted_table: string | null;
          id: string;
          kind: string;
          label: string;
          sort_order: number;
          unit_plural: string;
          unit_singular: string;
        };
        Insert: {
          counted_table?: string | null;
          id: string;
          kind: string;
          label: string;
          sort_order?: number;
          unit_plural: string;
          unit_singular: string;
        };
        Update: {
          counted_table?: string | null;
          id?: string;
          kind?: string;
          label?: string;
          sort_order?: number;
          unit_plural?: string;
          unit_singular?: string;
        };
        Relationships: [];
      };
      plans: {
        Row: {
          description: string;
          id: string;
          is_public: boolean;
          monthly_price_cents: number | null;
          name: string;
          sort_order: number;
        };
        Insert: {
          description?: string;
          id: string;
          is_public?: boolean;
          monthly_price_cents?: number | null;
          name: string;
          sort_order?: number;
        };
        Update: {
          description?: string;
          id?: string;
          is_public?: boolean;
          monthly_price_cents?: number | null;
          name?: string;
          sort_order?: number;
        };
        Relationships: [];
      };
      profiles: {
        Row: {
          created_at: string;
          email: string;
          full_name: string | null;
          id: string;
          updated_at: string;
        };
        Insert: {
          created_at?: string;
          email: string;
          full_name?: string | null;
          id: string;
          updated_at?: string;
        };
        Update: {
          created_at?: string;
          email?: string;
          full_name?: string | null;
          id?: string;
          updated_at?: string;
        };
        Relationships: [];
      };
      projects: {
        Row: {
          created_at: string;
          created_by: string | null;
          id: string;
          name: string;
          organization_id: string;
          status: string;
          updated_at: string;
        };
        Insert: {
          created_at?: string;
          created_by?: string | null;
          id?: string;
          name: string;
          organization_id: string;
          status?: string;
          updated_at?: string;
        };
        Update: {
          created_at?: string;
          created_by?: string | null;
          id?: string;
          name?: string;
          organization_id?: string;
          status?: string;
          updated_at?: string;
        };
        Relationships: [
          {
            foreignKeyName: "projects_organization_id_fkey";
            columns: ["organization_id"];
            referencedRelation: "organizations";
            referencedColumns: ["id"];
          },
        ];
      };
      workspace_subscriptions: {
        Row: {
          cancel_at_period_end: boolean;
          created_at: string;
          current_period_end: string | null;
          current_period_start: string;
          grace_ends_at: string | null;
          organization_id: string;
          plan_id: string;
          seat_quantity: number;
          status: Database["public"]["Enums"]["subscription_status"];
          updated_at: string;
        };
        Insert: {
          cancel_at_period_end?: boolean;
          created_at?: string;
          current_period_end?: string | null;
          current_period_start?: string;
          grace_ends_at?: string | null;
          organization_id: string;
          plan_id: string;
          seat_quantity?: number;
          status?: Database["public"]["Enums"]["subscription_status"];
          updated_at?: string;
        };
        Update: {
          cancel_at_period_end?: boolean;
          created_at?: string;
          current_period_end?: string | null;
          current_period_start?: string;
          grace_ends_at?: string | null;
          organization_id?: string;
          plan_id?: string;
          seat_quantity?: number;
          status?: Database["public"]["Enums"]["subscription_status"];
          updated_at?: string;
        };
        Relationships: [
          {
            foreignKeyName: "workspace_subscriptions_organization_id_fkey";
            columns: ["organization_id"];
            referencedRelation: "organizations";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "workspace_subscriptions_plan_id_fkey";
            columns: ["plan_id"];
            referencedRelation: "plans";
            referencedColumns: ["id"];
          },
        ];
      };
    };
    Views: {
      [_ in never]: never;
    };
    Functions: {
      accept_invitation: { Args: { token: string }; Returns: Json };
      add_platform_admin: {
        Args: { added_by: string; email: string };
        Returns: boolean;
      };
      admin_cancel_workspace_deletion: {
        Args: { by?: string; org: string };
        Returns: boolean;
      };
      admin_change_workspace_plan: {
        Args: { by?: string; org: string; plan: string };
        Returns: boolean;
      };
      admin_close_support_grant: {
        Args: { closed_by?: string; grant_id: string };
        Returns: boolean;
      };
      admin_list_workspaces: {
        Args: {
          max_rows?: number;
          search?: string;
          skip?: number;
          workspace?: string;
        };
        Returns: {
          created_at: string;
          deletion_due_at: string;
          id: string;
          last_activity_at: string;
          member_count: number;
          name: string;
          owner_emails: string[];
          pending_owner_email: string;
          plan_id: string;
          row_counts: Json;
          slug: string;
          status: string;
          subscription_status: Database["public"]["Enums"]["subscription_status"];
          suspended_at: string;
          suspension_reason: string;
          total_count: number;
          usage: Json;
        }[];
      };
      admin_open_support_grant: {
        Args: { minutes?: number; org: string; reason: string };
        Returns: string;
      };
      admin_resend_owner_invitation: {
        Args: { by?: string; org: string };
        Returns: Json;
      };
      admin_resume_workspace: {
        Args: { by?: string; org: string };
        Returns: boolean;
      };
      admin_schedule_workspace_deletion: {
        Args: { by?: string; grace_days?: number; org: string };
        Returns: string;
      };
      admin_support_overview: { Args: { org: string }; Returns: Json };
      admin_support_read: {
        Args: { org: string; section: string };
        Returns: Json;
      };
      admin_suspend_workspace: {
        Args: { by?: string; org: string; reason: string };
        Returns: boolean;
      };
      admin_tenant_health: {
        Args: { hours?: number };
        Returns: {
          name: string;
          organization_id: string;
          queries: number;
          requests: number;
          server_ms_histogram: number[];
          slug: string;
        }[];
      };
      apply_stripe_event: {
        Args: { event: Json; grace_days?: number; plan?: string };
        Returns: Json;
      };
      approve_support_grant: {
        Args: { grant_id: string; org: string };
        Returns: undefined;
      };
      begin_workspace_import: {
        Args: { name: string; requested_by: string; slug: string; source: Json };
        Returns: string;
      };
      cancel_workspace_deletion: { Args: { org: string }; Returns: boolean };
      change_workspace_plan: {
        Args: {
          org: string;
          plan: string;
          status?: Database["public"]["Enums"]["subscription_status"];
        };
        Returns: {
          cancel_at_period_end: boolean;
          created_at: string;
          current_period_end: string | null;
          current_period_start: string;
          grace_ends_at: string | null;
          organization_id: string;
          plan_id: string;
          seat_quantity: number;
          status: Database["public"]["Enums"]["subscription_status"];
          updated_at: string;
        };
        SetofOptions: {
          from: "*";
          to: "workspace_subscriptions";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      consume_rate_limit: {
        Args: { duration_ms: number; key: string; points: number };
        Returns: {
          consumed: number;
          expires_at_ms: number;
        }[];
      };
      consume_usage: {
        Args: { amount?: number; metric: string; org: string };
        Returns: {
          allowed: boolean;
          resets_at: string;
          usage_limit: number;
          used: number;
        }[];
      };
      create_organization: {
        Args: { name: string; slug: string };
        Returns: {
          created_at: string;
          deletion_due_at: string | null;
          deletion_requested_by: string | null;
          deletion_scheduled_at: string | null;
          id: string;
          members_can_view_activity: boolean;
          name: string;
          slug: string;
          support_requires_approval: boolean;
          suspended_at: string | null;
          suspension_reason: string | null;
          updated_at: string;
        };
        SetofOptions: {
          from: "*";
          to: "organizations";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      delete_my_account: { Args: { confirm_email: string }; Returns: undefined };
      finish_workspace_import: {
        Args: { org: string; summary: Json };
        Returns: undefined;
      };
      get_activity_actors: {
        Args: { org: string };
        Returns: {
          actor_id: string;
          actor_label: string;
        }[];
      };
      get_activity_request: {
        Args: { audit_log_id: number };
        Returns: {
          ip: string;
          user_agent: string;
        }[];
      };
      get_billing_account: {
        Args: { org: string };
        Returns: {
          stripe_customer_id: string;
          stripe_subscription_id: string;
        }[];
      };
      get_invitation: { Args: { token: string }; Returns: Json };
      get_support_grants: {
        Args: { org: string };
        Returns: {
          approved_at: string;
          approved_by: string;
          closed_at: string;
          closed_by: string;
          expires_at: string;
          id: string;
          minutes: number;
          opened_at: string;
          operator_email: string;
          reason: string;
        }[];
      };
      get_workspace_usage: {
        Args: { org: string };
        Returns: {
          kind: string;
          metric: string;
          resets_at: string;
          usage_limit: number;
          used: number;
        }[];
      };
      import_audit_history: {
        Args: { entries: Json; org: string };
        Returns: number;
      };
      invite_member: {
        Args: { email: string; org: string; role?: string };
        Returns: Json;
      };
      is_platform_admin: { Args: Record<PropertyKey, never>; Returns: boolean };
      leave_organization: { Args: { org: string }; Returns: undefined };
      link_billing_customer: {
        Args: { customer: string; org: string };
        Returns: string;
      };
      list_platform_admins: {
        Args: Record<PropertyKey, never>;
        Returns: {
          added_at: string;
          added_by: string;
          email: string;
          user_id: string;
        }[];
      };
      prove_email: { Args: { code: string }; Returns: boolean };
      provision_workspace: {
        Args: {
          by?: string;
          defaults?: Json;
          name: string;
          owner_email: string;
          plan: string;
          slug: string;
        };
        Returns: Json;
      };
      purge_due_workspaces: {
        Args: { by?: string };
        Returns: {
          id: string;
          row_counts: Json;
          slug: string;
        }[];
      };
      record_request_stats: { Args: { stats: Json }; Returns: undefined };
      record_usage: {
        Args: {
          amount: number;
          metric: string;
          org: string;
          period_start: string;
        };
        Returns: number;
      };
      record_workspace_export: {
        Args: {
          counts: Json;
          format_version: number;
          org: string;
          requested_by?: string;
        };
        Returns: string;
      };
      remove_member: {
        Args: { member_id: string; org: string };
        Returns: undefined;
      };
      remove_platform_admin: {
        Args: { email: string; removed_by: string };
        Returns: boolean;
      };
      restore_project: {
        Args: { audit_log_id: number; org: string };
        Returns: string;
      };
      revoke_invitation: {
        Args: { invitation_id: string; org: string };
        Returns: undefined;
      };
      revoke_support_grant: {
        Args: { grant_id: string; org: string };
        Returns: undefined;
      };
      schedule_workspace_deletion: {
        Args: { grace_days?: number; org: string };
        Returns: string;
      };
      set_support_approval: {
        Args: { org: string; required: boolean };
        Returns: undefined;
      };
      transfer_ownership: {
        Args: { new_owner_id: string; org: string };
        Returns: undefined;
      };
      update_member_role: {
        Args: { member_id: string; org: string; role: string };
        Returns: undefined;
      };
    };
    Enums: {
      org_role: "owner" | "admin" | "member";
      subscription_status: "active" | "trialing" | "past_due" | "canceled";
    };
    CompositeTypes: {
      [_ in never]: never;
    };
  };
};

type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">;

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">];

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals;
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals;
}
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R;
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] & DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R;
      }
      ? R
      : never
    : never;

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    keyof DefaultSchema["Tables"] | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals;
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals;
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I;
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I;
      }
      ? I
      : never
    : never;

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    keyof DefaultSchema["Tables"] | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals;
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals;
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U;
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U;
      }
      ? U
      : never
    : never;

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    keyof DefaultSchema["Enums"] | { schema: keyof DatabaseWithoutInternals },
  EnumName extends (DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals;
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never) = never,
> = DefaultSchemaEnumNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals;
}
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never;

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    keyof DefaultSchema["CompositeTypes"] | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends (PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals;
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never) = never,
> = PublicCompositeTypeNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals;
}
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
    : never;

export const Constants = {
  public: {
    Enums: {
      org_role: ["owner", "admin", "member"],
      subscription_status: ["active", "trialing", "past_due", "canceled"],
    },
  },
} as const;
