/**
 * Hierarchical class systems, crosswalks between them, and cross-dataset evaluation.
 *
 * <ul>
 *   <li>{@link org.landcover4j.taxonomy.Taxonomy}: an immutable tree of
 *       {@link org.landcover4j.taxonomy.TaxonClass classes} (code, name, colour, description, parent, level) with
 *       lookups, levels and roll-up.</li>
 *   <li>{@link org.landcover4j.taxonomy.Crosswalk}: many-to-one, unmapped and ambiguous (weighted) mappings that
 *       compose, invert where they can, and compile to lookup tables for
 *       {@link org.landcover4j.core.kernel.Kernels#remap}.</li>
 *   <li>{@link org.landcover4j.taxonomy.Harmonization}: a reference and a prediction in different taxonomies mapped
 *       to the deepest classes of {@code common} both define; {@link org.landcover4j.taxonomy.HierarchicalAccuracy}:
 *       accuracy at every level from one fine confusion matrix.</li>
 *   <li>{@link org.landcover4j.taxonomy.TaxonomyJson}: the documented JSON format;
 *       {@link org.landcover4j.taxonomy.TaxonomyRegistry}: built-ins and user additions by id;
 *       {@link org.landcover4j.taxonomy.BuiltInTaxonomies}: provenance and the design of {@code common}.</li>
 * </ul>
 *
 * {@snippet :
 * var reg = TaxonomyRegistry.builtIn();
 * System.out.println(reg.taxonomy("landcovernet"));            // the tree with colours
 * ByteRaster dfc = reg.crosswalk("igbp:dfc2020").apply(igbp);  // remapped labels
 * System.out.println(reg.harmonize("openearthmap", "globe230k"));
 * }
 */
package org.landcover4j.taxonomy;
