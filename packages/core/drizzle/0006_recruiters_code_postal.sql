ALTER TABLE `recruiters` ADD `code_postal` text;--> statement-breakpoint
-- Hand-written: recruiters stored before this column take the main postcode of the commune nearest their point
-- (within about 10 km), so that a partner's place scope finds their offers before the next seed.
UPDATE `recruiters` SET `code_postal` = (
  SELECT substr(c.`postcodes`, 1, 5) FROM `communes_rtree` r JOIN `communes` c ON c.`id` = r.`id`
  WHERE r.`min_lat` >= `recruiters`.`latitude` - 0.1 AND r.`max_lat` <= `recruiters`.`latitude` + 0.1
    AND r.`min_lon` >= `recruiters`.`longitude` - 0.15 AND r.`max_lon` <= `recruiters`.`longitude` + 0.15
  ORDER BY (c.`latitude` - `recruiters`.`latitude`) * (c.`latitude` - `recruiters`.`latitude`)
    + (c.`longitude` - `recruiters`.`longitude`) * (c.`longitude` - `recruiters`.`longitude`)
  LIMIT 1)
WHERE `latitude` IS NOT NULL AND `longitude` IS NOT NULL;
