import { dimensionOf, type Observation } from "./observation";

/**
 * What a view shared beyond the submitting state may show (DSM rule 23): confidential values
 * are withheld, keeping the cell and its CONF_STATUS so that readers see a value exists. The
 * submitting state itself (`viewer`) sees its own values.
 */
export function sharedView(observations: readonly Observation[], viewer?: string): Observation[] {
	return observations.map((observation) =>
		observation.attributes.CONF_STATUS === "C" && dimensionOf(observation, "REF_AREA") !== viewer
			? { ...observation, value: "" }
			: observation,
	);
}
