package org.landcover4j.taxonomy;

/**
 * The ids of the built-in taxonomies and crosswalks, where each comes from, and the design of the {@code common}
 * reference taxonomy with every judgement call behind it.
 *
 * <p>All built-ins are JSON resources under {@code org/landcover4j/taxonomy/builtin/}, loaded by
 * {@link TaxonomyRegistry#builtIn()} through {@link TaxonomyJson}. Each taxonomy's and crosswalk's
 * {@code description}, and each class's and mapping's description or note, repeat the provenance below.
 *
 * <h2>Dataset taxonomies</h2>
 * <table class="striped">
 * <caption>Built-in taxonomies</caption>
 * <thead><tr><th>id</th><th>classes</th><th>source of codes and names</th><th>source of colours</th></tr></thead>
 * <tbody>
 * <tr><td>{@code igbp}</td><td>17 + 255 No Data</td><td>SEN12MS paper (Schmitt et al. 2019) Table 2 (band 1 of the
 *     lc patches, MODIS MCD12Q1 LC_Type1); NoData 255 from its caption</td><td>the MCD12Q1 LC_Type1 class table of
 *     the Google Earth Engine catalog (MODIS/061/MCD12Q1), the palette commonly used for MODIS IGBP maps; SEN12MS
 *     publishes none</td></tr>
 * <tr><td>{@code dfc2020}</td><td>10 + 0 No Data</td><td>torchgeo's DFC2020 mapping of SEN12MS (0 = no data);
 *     names from the DFC2020 baseline (lukasliebel/dfc2020_baseline {@code classnames()})</td><td>the DFC2020
 *     baseline's {@code mycmap()} (MCD12Q1 colours of a representative IGBP class)</td></tr>
 * <tr><td>{@code lccs-lc}, {@code lccs-lu}, {@code lccs-sh}</td><td>16, 11, 10 + 255</td><td>SEN12MS paper Table 2
 *     (bands 2-4: MCD12Q1 LC_Prop1/2/3)</td><td>the LC_Prop1/2/3 class tables of the Earth Engine catalog</td></tr>
 * <tr><td>{@code sen12ms-eval}</td><td>8 + 255</td><td>the merges of the SEN12MS paper's evaluation (Section 5):
 *     Open Forests with Forest/Cropland Mosaics; Natural Herbaceous with Herbaceous Croplands and their mosaic; codes
 *     of the surviving LCCS classes</td><td>as {@code lccs-lu}</td></tr>
 * <tr><td>{@code landcovernet}</td><td>2 + 5 + 7 in 3 levels, + 0</td><td>Table 1 of the LandCoverNet paper
 *     (Alemohammad &amp; Booth); level-3 codes, names and colours from the official documentation and STAC items;
 *     level-1 codes 10, 20 and level-2 codes 11-13, 21-22 chosen by landcover4j so that label codes 1-7 keep their
 *     meaning</td><td>level 3 official; levels 1-2 chosen by landcover4j</td></tr>
 * <tr><td>{@code landcovernet-l1}, {@code -l2}, {@code -l3}</td><td>2, 5, 7 + 0</td><td>the levels of Table 1 as
 *     flat schemes (level 3 = the label codes); level-1/2 codes in table order</td><td>as {@code landcovernet}</td></tr>
 * <tr><td>{@code openearthmap}</td><td>8 + 0 Unknown</td><td>codes from bao18/open_earth_map {@code utils.py};
 *     names (bareland, rangeland, developed space, road, tree, water, agriculture land, building) and colours from the
 *     paper's Table 2</td><td>paper Table 2</td></tr>
 * <tr><td>{@code chesapeake6}</td><td>6 + 0</td><td>the six classes of the OpenEarthMap paper's Table 7 (bare, other,
 *     road, tree, water, building), codes in column order</td><td>OpenEarthMap's colour of the matching class;
 *     "Other" chosen by landcover4j</td></tr>
 * <tr><td>{@code globe230k}</td><td>10 + 0</td><td>the Globe230k Zenodo page</td><td>the DF2RQ mmseg palette
 *     (official status unconfirmed)</td></tr>
 * <tr><td>{@code osm-landuse}</td><td>15 + 254 none, + 255 unlabeled</td><td>OpenSentinelMap categories 0-14 in
 *     their channels (land use 0-11, water and roads 12-13, buildings 14), as read from {@code osm_categories.json}
 *     by olmoearth and terratorch; 254 = none and 255 = unlabeled follow olmoearth, where terratorch reads them the
 *     other way round (a conflict between sources)</td><td>none published; openstreetmap-carto colours chosen by
 *     landcover4j</td></tr>
 * <tr><td>{@code common}</td><td>34 in 5 levels + 0</td><td>designed by landcover4j (below)</td><td>the colour of a
 *     matching dataset class where one exists</td></tr>
 * </tbody>
 * </table>
 *
 * <h2>Crosswalks</h2>
 * Every dataset taxonomy above (not {@code sen12ms-eval} and {@code chesapeake6}, which are evaluation schemes) maps
 * to {@code common}. Besides: {@code igbp:dfc2020} (torchgeo's lookup {@code [0,1,1,1,1,1,2,2,3,3,4,5,6,7,6,8,9,10]}
 * indexed by IGBP value, 255 No Data to 0), {@code lccs-lu:sen12ms-eval}, {@code openearthmap:chesapeake6}
 * (rangeland, developed space and agriculture land are "other", as Table 7 compares only the six common classes),
 * and the LandCoverNet roll-ups {@code landcovernet:landcovernet-l1/-l2/-l3}, {@code landcovernet-l3:landcovernet-l2},
 * {@code landcovernet-l3:landcovernet-l1}, {@code landcovernet-l2:landcovernet-l1}.
 *
 * <h2>The {@code common} reference taxonomy</h2>
 * <pre>
 * 1 Non-vegetated                     2 Vegetated
 * |-- 10 Water                        |-- 20 Woody vegetation
 * |-- 11 Snow and ice                 |   |-- 21 Trees
 * `-- 12 Bare ground                  |   |   |-- 22 Dense forest (&gt;60% trees)
 *     |-- 13 Natural bare ground      |   |   |   `-- 23-27 evergreen/deciduous needle-/broadleaf, mixed
 *     |   |-- 14 Sand                 |   |   `-- 28 Open and sparse forest (10-60%)
 *     |   `-- 15 Bare rock            |   |       |-- 29 Open forest (woody savanna, 30-60%)
 *     `-- 16 Artificial surfaces      |   |       `-- 30 Sparse forest (savanna, 10-30%)
 *         |-- 17 Buildings            |   `-- 31 Shrubland
 *         |-- 18 Roads                |       |-- 32 Closed shrubland   `-- 33 Open shrubland
 *         `-- 19 Other developed      |-- 40 Non-woody vegetation
 *                                     |   |-- 41 Cultivated
 * 0 No data (ignore)                  |   `-- 42 Natural herbaceous
 *                                     |       |-- 43 Grassland      `-- 44 Tundra
 *                                     `-- 50 Wetland
 *                                         |-- 51 Woody wetland      `-- 52 Herbaceous wetland
 * </pre>
 * Judgement calls:
 * <ol>
 * <li><b>Level 1 is LandCoverNet's split</b> of bare land (vegetation below 10% all year, which includes water and
 *     snow) and vegetated land. It is the one level every dataset can reach.</li>
 * <li><b>Wetland is a third vegetated class at level 2</b>, beside woody and non-woody, because IGBP, DFC2020 and
 *     Globe230k have a wetland class that is neither; IGBP's definition (over 10% vegetation) puts it on the
 *     vegetated side. LCCS surface hydrology splits it into woody and herbaceous wetland (level 3). Consequence:
 *     LandCoverNet, which has no wetland, labels wetlands woody or (semi) natural, so those pixels disagree with
 *     Globe230k's wetland at every level below 1.</li>
 * <li><b>Artificial surfaces sit under bare ground</b>, as LandCoverNet's "artificial bareground"; OpenEarthMap's
 *     split of urban land gives level 4: buildings, roads, other developed surfaces (pavements, parking lots,
 *     construction sites, sports grounds). IGBP urban, DFC2020 urban, LCCS urban, Globe230k impervious and
 *     OpenSentinelMap's residential, industrial, commercial and quarry map to level 3 (artificial surfaces). The
 *     OpenSentinelMap land-use classes are land use, not cover: residential areas hold gardens and trees too.</li>
 * <li><b>Forests by tree cover, then by type.</b> Trees (level 3) take Globe230k forest, OpenEarthMap tree and OSM
 *     wooded. Level 4 follows the IGBP/LCCS tree-cover bands: dense forest (over 60%: IGBP 1-5, LCCS dense forests,
 *     DFC2020 forest) and open and sparse forest (10-60%: DFC2020 savanna, LCCS land-use/hydrology open forests).
 *     Level 5 holds the IGBP/LCCS forest types (LCCS's two mixed types both become mixed forest) and the two bands
 *     of 10-60%: open forest = IGBP woody savanna = LCCS land-cover open forest (30-60%), sparse forest = IGBP
 *     savanna = LCCS sparse forest (10-30%).</li>
 * <li><b>Savannas are woody</b>: IGBP defines both savanna classes by tree cover, DFC2020 keeps them as one class
 *     and LCCS calls the same cover bands open and sparse forests, so they sit under trees. A savanna with 10-30%
 *     trees is mostly grass; LandCoverNet or Globe230k annotators may call it grass, which then disagrees at level 2.</li>
 * <li><b>Shrubland</b> (level 3) splits by density (level 4): closed (over 60%: IGBP 6, LCCS dense shrublands) and
 *     open (10-60%: IGBP 7, LCCS sparse shrublands, and LCCS "shrubland/grassland mosaics", which LCCS defines as
 *     woody perennials at 10-60% cover with a herbaceous understory).</li>
 * <li><b>Non-woody</b> follows LandCoverNet: cultivated vs (semi-)natural. Cultivated takes all cropland classes,
 *     including OpenEarthMap agriculture land, whose orchards and vineyards are strictly woody. Natural herbaceous
 *     takes LandCoverNet (semi) natural vegetation, LCCS natural herbaceous, OpenEarthMap rangeland (herbaceous or
 *     bushes, not cultivated; the paper groups it with low vegetation) and IGBP/DFC2020 grassland; it splits into
 *     Globe230k's grassland and tundra (level 4). IGBP grassland maps to natural herbaceous, not grassland, because
 *     IGBP has no tundra class. LCCS land-cover dense/sparse herbaceous and LCCS hydrology grasslands include crops,
 *     so they map to non-woody (level 2).</li>
 * <li><b>Barren</b>: IGBP barren and LCCS land-use barren are natural bare ground; LCCS land-cover and hydrology
 *     barren map to bare ground (level 2) because those layers have no urban class. Sand and bare rock (level 4) take
 *     OpenSentinelMap's desert_sand and mountain_rock.</li>
 * <li><b>Mosaics are ambiguous mappings</b>: IGBP cropland/natural vegetation mosaic = 0.5 cultivated + 1/6 each
 *     trees, shrubland, natural herbaceous (the natural half split equally; no source gives proportions; the dominant
 *     share agrees with torchgeo's DFC2020 mapping to croplands); LCCS forest/cropland mosaic = 0.5 trees + 0.5
 *     cultivated (trees first, so the compiled table follows the SEN12MS evaluation, which merges it into open
 *     forests); LCCS natural herbaceous/croplands mosaic = 0.5 cultivated + 0.25 shrubland + 0.25 natural
 *     herbaceous.</li>
 * <li><b>Explicitly unmapped</b>: OpenSentinelMap recreation, airport, military, other_natural and "none" have no
 *     single land cover. Level-1/2 classes of the LandCoverNet tree are unmapped in the roll-ups to finer levels.</li>
 * <li><b>No data</b>: every ignore class (IGBP/LCCS 255, DFC2020/LandCoverNet/Globe230k 0, OpenEarthMap unknown,
 *     OpenSentinelMap unlabeled) maps to common's 0, which is also the fill of every crosswalk into common.</li>
 * </ol>
 *
 * <p>Thread safety: constants only.
 *
 * {@snippet :
 * Taxonomy common = TaxonomyRegistry.builtIn().taxonomy(BuiltInTaxonomies.COMMON);
 * common.rollUp(23, 3);        // 21 Trees
 * }
 */
public final class BuiltInTaxonomies {

    /** The common reference taxonomy. */
    public static final String COMMON = "common";
    /** IGBP (MCD12Q1 LC_Type1), SEN12MS lc band 1. */
    public static final String IGBP = "igbp";
    /** The DFC2020 simplified IGBP classes. */
    public static final String DFC2020 = "dfc2020";
    /** LCCS land cover (LC_Prop1), SEN12MS lc band 2. */
    public static final String LCCS_LC = "lccs-lc";
    /** LCCS land use (LC_Prop2), SEN12MS lc band 3. */
    public static final String LCCS_LU = "lccs-lu";
    /** LCCS surface hydrology (LC_Prop3), SEN12MS lc band 4. */
    public static final String LCCS_SH = "lccs-sh";
    /** The merged LCCS land-use classes of the SEN12MS paper's evaluation. */
    public static final String SEN12MS_EVAL = "sen12ms-eval";
    /** LandCoverNet, three levels. */
    public static final String LANDCOVERNET = "landcovernet";
    /** LandCoverNet level 1. */
    public static final String LANDCOVERNET_L1 = "landcovernet-l1";
    /** LandCoverNet level 2. */
    public static final String LANDCOVERNET_L2 = "landcovernet-l2";
    /** LandCoverNet level 3 (the label codes). */
    public static final String LANDCOVERNET_L3 = "landcovernet-l3";
    /** OpenEarthMap. */
    public static final String OPENEARTHMAP = "openearthmap";
    /** The six common classes of the OpenEarthMap paper's Chesapeake comparison. */
    public static final String CHESAPEAKE6 = "chesapeake6";
    /** Globe230k. */
    public static final String GLOBE230K = "globe230k";
    /** OpenSentinelMap OSM categories. */
    public static final String OSM_LANDUSE = "osm-landuse";

    private BuiltInTaxonomies() {
    }

    /**
     * The OpenSentinelMap label channel (1 land use, 2 water and roads, 3 buildings) of an {@code osm-landuse} code;
     * 0 for the special values 254 and 255, which every channel uses.
     *
     * @throws IllegalArgumentException for other codes
     */
    public static int osmChannel(int code) {
        if (code >= 0 && code <= 11) {
            return 1;
        }
        if (code == 12 || code == 13) {
            return 2;
        }
        if (code == 14) {
            return 3;
        }
        if (code == 254 || code == 255) {
            return 0;
        }
        throw new IllegalArgumentException("not an osm-landuse code: " + code);
    }
}
