-- Who acts on a case comes from the case record only (issue 9, item 2): besides the locality (from the
-- enterprise) and the reviewing city units, the case records the lead unit and the unit that pays,
-- all from DMN responsible-units when the review chain assigns them.
ALTER TABLE reward_case ADD COLUMN lead_unit VARCHAR(32);
ALTER TABLE reward_case ADD COLUMN finance_unit VARCHAR(32);

-- cases already past unit assignment: measures 1-3 are led by gxj and paid by czj (responsible-units as shipped)
UPDATE reward_case SET lead_unit = 'gxj', finance_unit = 'czj'
 WHERE review_units IS NOT NULL AND measure IN ('M1', 'M2', 'M3');
