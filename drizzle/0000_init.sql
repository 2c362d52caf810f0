CREATE TABLE `countries` (
	`iso2` text PRIMARY KEY NOT NULL,
	`iso3` text NOT NULL,
	`numeric` text NOT NULL,
	`name` text NOT NULL,
	`region` text NOT NULL,
	`subregion` text NOT NULL,
	`lat` real NOT NULL,
	`lon` real NOT NULL
);
--> statement-breakpoint
CREATE TABLE `engagement_issues` (
	`engagement_pk` integer NOT NULL,
	`issue` text NOT NULL,
	PRIMARY KEY(`engagement_pk`, `issue`)
);
--> statement-breakpoint
CREATE INDEX `engagement_issues_issue` ON `engagement_issues` (`issue`,`engagement_pk`);--> statement-breakpoint
CREATE TABLE `engagement_places` (
	`engagement_pk` integer NOT NULL,
	`place_id` integer NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`engagement_pk`, `place_id`)
);
--> statement-breakpoint
CREATE INDEX `engagement_places_place` ON `engagement_places` (`place_id`);--> statement-breakpoint
CREATE TABLE `engagements` (
	`pk` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`type` text NOT NULL,
	`family` text NOT NULL,
	`title` text NOT NULL,
	`summary` text,
	`start_date` text,
	`start_precision` text,
	`start_year` integer,
	`end_date` text,
	`end_precision` text,
	`end_year` integer,
	`status` text NOT NULL,
	`end_reason` text,
	`group_id` text,
	`lead_place_id` integer NOT NULL,
	`lead_state` text NOT NULL,
	`lead_kind` text NOT NULL,
	`partner_id` integer NOT NULL,
	`partner_kind` text NOT NULL,
	`partner_country` text,
	`partner_world_region` text,
	`partner_subregion` text,
	`synthetic` integer DEFAULT 0 NOT NULL,
	`source_file` text NOT NULL,
	`source_line` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `engagements_id` ON `engagements` (`id`);--> statement-breakpoint
CREATE INDEX `engagements_type` ON `engagements` (`type`,`start_year`);--> statement-breakpoint
CREATE INDEX `engagements_status` ON `engagements` (`status`);--> statement-breakpoint
CREATE INDEX `engagements_start_year` ON `engagements` (`start_year`);--> statement-breakpoint
CREATE INDEX `engagements_lead_state` ON `engagements` (`lead_state`,`type`);--> statement-breakpoint
CREATE INDEX `engagements_lead_kind` ON `engagements` (`lead_kind`);--> statement-breakpoint
CREATE INDEX `engagements_lead_place` ON `engagements` (`lead_place_id`);--> statement-breakpoint
CREATE INDEX `engagements_partner` ON `engagements` (`partner_id`);--> statement-breakpoint
CREATE INDEX `engagements_partner_country` ON `engagements` (`partner_country`,`type`);--> statement-breakpoint
CREATE INDEX `engagements_partner_region` ON `engagements` (`partner_world_region`);--> statement-breakpoint
CREATE INDEX `engagements_group` ON `engagements` (`group_id`);--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `networks` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`url` text NOT NULL,
	`issue_areas` text DEFAULT '' NOT NULL,
	`summary` text,
	`founded` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `networks_slug` ON `networks` (`slug`);--> statement-breakpoint
CREATE TABLE `partners` (
	`id` integer PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`slug` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`region_name` text,
	`country` text,
	`lat` real,
	`lon` real,
	`geonames_id` integer,
	`network_id` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `partners_key` ON `partners` (`key`);--> statement-breakpoint
CREATE INDEX `partners_country` ON `partners` (`country`);--> statement-breakpoint
CREATE TABLE `places` (
	`id` integer PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`label` text NOT NULL,
	`kind` text NOT NULL,
	`state_code` text NOT NULL,
	`census_region` text NOT NULL,
	`fips` text,
	`geonames_id` integer,
	`lat` real NOT NULL,
	`lon` real NOT NULL,
	`population` integer,
	`office_name` text,
	`office_url` text,
	`office_staff` integer,
	`office_source_url` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `places_key` ON `places` (`key`);--> statement-breakpoint
CREATE UNIQUE INDEX `places_slug` ON `places` (`slug`);--> statement-breakpoint
CREATE INDEX `places_state` ON `places` (`state_code`,`kind`);--> statement-breakpoint
CREATE TABLE `sources` (
	`engagement_pk` integer NOT NULL,
	`position` integer NOT NULL,
	`url` text NOT NULL,
	`title` text,
	`publisher` text,
	`kind` text NOT NULL,
	`verification` text NOT NULL,
	`as_of` text,
	PRIMARY KEY(`engagement_pk`, `position`)
);
