/** The counted words live in src/domain, where the importers and the write rules use them too. */
export { enCount, enForm, svCount, svForm } from '../../domain/plural';
