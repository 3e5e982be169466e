CREATE TABLE "risk_alert_products" (
	"alert_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	CONSTRAINT "risk_alert_products_alert_id_product_id_pk" PRIMARY KEY("alert_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "risk_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"default_language" text NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"countries" text[] NOT NULL,
	"origins" text[] DEFAULT '{}' NOT NULL,
	"route" text,
	"valid_from" date NOT NULL,
	"valid_until" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "risk_alert_products" ADD CONSTRAINT "risk_alert_products_alert_id_risk_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."risk_alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_alert_products" ADD CONSTRAINT "risk_alert_products_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_alerts" ADD CONSTRAINT "risk_alerts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "risk_alert_products_product_idx" ON "risk_alert_products" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "risk_alerts_org_idx" ON "risk_alerts" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "risk_alerts_countries_idx" ON "risk_alerts" USING gin ("countries");